import type { RunEndEvent, TraceEvent } from '../protocol/trace';

export interface Localized {
  zh: string;
  en: string;
}

/**
 * Everything a check may look at: what the runtime traced (never the learner's own console
 * output as evidence) and the state the run left behind on the broker and in its database.
 */
export interface Evidence {
  /** Every trace event of the grading run, in order (run-end last when the run ended). */
  events: readonly TraceEvent[];
  /** The run-end event: reason, each script's exit, the broker's own figures. */
  end: RunEndEvent | undefined;
  /** The learner's files and the exercise's harness files, by name. */
  learnerScripts: readonly string[];
  harnessScripts: readonly string[];
  /** ts of the run-start event; times in messages are relative to it. */
  startedAt: number;
  /** Rows of the run database's tables (exercise.json `database.tables`), read after the run. */
  tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

export interface CheckVerdict {
  passed: boolean;
  /** Why it passed, or which message broke which rule and why. */
  message: Localized;
}

/** One grading rule: a pure function of the evidence. */
export interface ExerciseCheck {
  /** Kebab-case, stable: wrong solutions and tests name it. */
  id: string;
  title: Localized;
  check(evidence: Evidence): CheckVerdict;
}

export interface CheckResult extends CheckVerdict {
  id: string;
  title: Localized;
}

export function L(zh: string, en: string): Localized {
  return { zh, en };
}

export function pass(zh: string, en: string): CheckVerdict {
  return { passed: true, message: { zh, en } };
}

export function fail(zh: string, en: string): CheckVerdict {
  return { passed: false, message: { zh, en } };
}

/** Identity helper that keeps a checks.ts file typed without importing the interface. */
export function defineChecks(checks: ExerciseCheck[]): ExerciseCheck[] {
  return checks;
}
