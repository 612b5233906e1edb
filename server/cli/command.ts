/** One `mqlab <name>` command; main.ts keeps a table of these, one file per command. */
export interface Command {
  name: string;
  /** One line for `mqlab help`. */
  summary: string;
  /** Full usage text for `mqlab help <name>` and argument errors. */
  usage: string;
  /** Receives the arguments after the command name; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

/** Thrown for bad arguments: main prints the message and the command's usage, exits 2. */
export class UsageError extends Error {}
