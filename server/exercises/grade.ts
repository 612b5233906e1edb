import type { ScriptFile } from '../protocol/run';
import type { RunEndEvent, TraceEvent } from '../protocol/trace';
import { ensurePostgresUp } from '../db/localPostgres';
import { POSTGRES } from '../db/postgresPaths';
import { createRunDatabase, dropStaleRunDatabases, type RunDatabase } from '../db/runDatabase';
import { scriptsFinishCheck } from './builtinChecks';
import type { CheckResult, Evidence, ExerciseCheck } from './checkTypes';
import { applyOverlay } from './exerciseFiles';
import { loadChecks, type Exercise } from './load';
import { GradingUnavailable, runtimeDriver, type RunDriver } from './runDriver';

export interface GradeReport {
  exercise: string;
  passed: boolean;
  checks: CheckResult[];
  durationMs: number;
  /** How the run ended (`completed`, `time-limit`…), for the UI and logs. */
  runEnd: string;
}

export interface GradeOptions {
  driver?: RunDriver;
}

/**
 * Grades a submission: the learner's files (missing ones fall back to the starter's) run
 * with the exercise's harness as one run, with its faults, against the real broker (and
 * its own database when it has one); then every check judges the trace and the state left
 * behind. A failing submission is a report; only a grading that could not run throws.
 */
export async function gradeExercise(
  exercise: Exercise,
  submitted: ScriptFile[],
  options: GradeOptions = {},
): Promise<GradeReport> {
  const started = performance.now();
  const learner = resolveSubmission(exercise, submitted);
  const checks = await loadChecks(exercise);
  const database = exercise.database ? await openRunDatabase(exercise.schemaSql ?? '') : undefined;
  let events: TraceEvent[];
  let end: RunEndEvent;
  let tables: Evidence['tables'] = {};
  try {
    ({ events, end } = await (options.driver ?? runtimeDriver)({
      broker: exercise.broker,
      files: [...learner, ...exercise.harness],
      seconds: exercise.seconds,
      faults: exercise.faultSpecs,
      ...(database ? { database: { env: database.env, endpoint: POSTGRES.endpoint } } : {}),
    }));
    if (database && exercise.database) tables = await database.snapshot(exercise.database.tables);
  } finally {
    await database?.drop().catch(() => {});
  }
  const evidence: Evidence = {
    events,
    end,
    learnerScripts: learner.map((f) => f.name),
    harnessScripts: exercise.harness.map((f) => f.name),
    startedAt: events.find((e) => e.type === 'run-start')?.ts ?? events[0]?.ts ?? 0,
    tables,
  };
  const results = [scriptsFinishCheck, ...checks].map((check) => applyCheck(check, evidence));
  return {
    exercise: exercise.id,
    passed: results.every((r) => r.passed),
    checks: results,
    durationMs: Math.round(performance.now() - started),
    runEnd: end.reason,
  };
}

/** The learner's files over the starter; a name that is not one of the exercise's files is refused. */
export function resolveSubmission(exercise: Exercise, submitted: ScriptFile[]): ScriptFile[] {
  const unknown = submitted.filter((f) => !exercise.files.includes(f.name));
  if (unknown.length > 0) {
    throw new SubmissionError(
      `${unknown.map((f) => f.name).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of this exercise's files (${exercise.files.join(', ')})`,
    );
  }
  return applyOverlay(exercise.start, submitted);
}

/** A submission that cannot be graded as given (wrong file names). */
export class SubmissionError extends Error {}

/** A check that throws is our bug, but the learner still gets a report naming it. */
function applyCheck(check: ExerciseCheck, evidence: Evidence): CheckResult {
  try {
    const verdict = check.check(evidence);
    return { id: check.id, title: check.title, passed: verdict.passed, message: verdict.message };
  } catch (err) {
    const reason = (err as Error).message;
    return {
      id: check.id,
      title: check.title,
      passed: false,
      message: { zh: `评分规则本身出错：${reason}`, en: `the check itself failed: ${reason}` },
    };
  }
}

async function openRunDatabase(schemaSql: string): Promise<RunDatabase> {
  try {
    await ensurePostgresUp();
    await dropStaleRunDatabases();
    return await createRunDatabase(schemaSql);
  } catch (err) {
    throw new GradingUnavailable(
      `the exercise's database is not available: ${(err as Error).message}`,
    );
  }
}
