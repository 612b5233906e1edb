/** A script error the runtime located in the learner's file: shown as a marker and in the console. */
export interface RunError {
  line: number;
  column?: number;
  message: string;
}

/** Ask the editor to show a line (from a console error); `at` makes a repeated click count again. */
export interface RevealRequest {
  file: string;
  line: number;
  column?: number;
  at: number;
}
