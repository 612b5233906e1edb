import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Broker } from '../../server/protocol/brokers';
import { applyOverlay } from '../../server/exercises/exerciseFiles';
import { gradeExercise, type GradeReport } from '../../server/exercises/grade';
import { listExercises, solutionFiles, type Exercise } from '../../server/exercises/load';
import { GradingUnavailable } from '../../server/exercises/runDriver';

/** How many times each submission is graded (MQLAB_EXERCISE_REPEAT=5: the same verdict five times in a row). */
const REPEAT = Number(process.env.MQLAB_EXERCISE_REPEAT ?? 1);
/** A whole grading, setup and cleanup included, must stay within this. */
const MAX_GRADING_MS = 20_000;

/**
 * For every exercise of one broker, against the real broker: the reference solution passes,
 * the starter fails, and each wrong solution fails on the check that names its mistake.
 */
export function describeExercises(broker: Broker): void {
  const exercises = listExercises().filter((e) => e.broker === broker);
  for (const exercise of exercises) {
    describe(`${exercise.id} (${broker})`, () => {
      for (let i = 1; i <= REPEAT; i++) {
        const run = REPEAT > 1 ? ` (run ${i} of ${REPEAT})` : '';
        it(`the reference solution passes${run}`, async (t) => {
          const report = await grade(t, exercise, solutionFiles(exercise));
          if (!report) return;
          assert.ok(report.passed, describeFailures(report));
        });
        it(`the starter fails${run}`, async (t) => {
          const report = await grade(t, exercise, exercise.start);
          if (!report) return;
          assert.equal(report.passed, false, 'the untouched starter passed every check');
        });
        for (const wrong of exercise.wrongSolutions) {
          it(`wrong solution "${wrong.name}" fails ${wrong.failsOn}${run}`, async (t) => {
            const report = await grade(t, exercise, applyOverlay(exercise.start, wrong.files));
            if (!report) return;
            const check = report.checks.find((c) => c.id === wrong.failsOn);
            assert.ok(check, `no check ${wrong.failsOn} in the report`);
            assert.equal(
              check.passed,
              false,
              `${wrong.name} passed ${wrong.failsOn}: ${check.message.en}`,
            );
          });
        }
      }
    });
  }
}

/** Grades, or skips the test when this runtime cannot grade the exercise yet (and says why). */
async function grade(
  t: { skip(message: string): void },
  exercise: Exercise,
  files: Exercise['start'],
): Promise<GradeReport | undefined> {
  try {
    const report = await gradeExercise(exercise, files);
    assert.ok(
      report.durationMs <= MAX_GRADING_MS,
      `grading took ${report.durationMs} ms (limit ${MAX_GRADING_MS})`,
    );
    console.log(
      `# ${exercise.id}: ${report.passed ? 'passed' : 'failed'} in ${report.durationMs} ms`,
    );
    return report;
  } catch (err) {
    if (err instanceof GradingUnavailable) {
      t.skip(err.message);
      return undefined;
    }
    throw err;
  }
}

function describeFailures(report: GradeReport): string {
  return report.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.id}: ${c.message.en}`)
    .join('\n');
}
