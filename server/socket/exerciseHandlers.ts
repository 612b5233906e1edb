import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { gradeExercise, resolveSubmission, SubmissionError } from '../exercises/grade';
import { getExercise, type Exercise } from '../exercises/load';
import { GradingUnavailable, runtimeDriver } from '../exercises/runDriver';
import {
  exerciseCheckRequestSchema,
  type ExerciseCheckAck,
  type ExerciseCheckedPayload,
  type ExerciseReport,
} from '../protocol/exercise';
import type { Run } from '../runner/run';
import { RunScheduler } from '../runner/runScheduler';
import type { AppServer } from './app';
import { relayRun } from './traceRelay';

export interface ExerciseHandlerDeps {
  /** Admission for grading runs; pass the playground's so both share one set of limits. */
  scheduler?: RunScheduler;
  /** The exercise by id; the content loader by default. */
  findExercise?: (id: string) => Exercise | undefined;
  /** The grader; tests may replace it. Must call `options.driver` to start its run. */
  grade?: typeof gradeExercise;
}

/**
 * `exercise:check` for one socket.io application: validates at the edge, admits the grading
 * like a playground run (per client and global limits, a short queue, a clear refusal),
 * relays the grading run's trace as ordinary `run:*` events, then sends `exercise:checked`.
 * A socket that goes away stops its grading run (its broker entities are cleaned up).
 */
export function registerExerciseHandlers(io: AppServer, deps: ExerciseHandlerDeps = {}) {
  const scheduler = deps.scheduler ?? new RunScheduler();
  const findExercise = deps.findExercise ?? getExercise;
  const grade = deps.grade ?? gradeExercise;

  io.on('connection', (socket: Socket) => {
    const live = new Set<Run>();
    let gone = false;

    socket.on('exercise:check', (payload: unknown, ack: unknown) => {
      const reply = (res: ExerciseCheckAck) => {
        if (typeof ack === 'function') (ack as (res: ExerciseCheckAck) => void)(res);
      };
      const parsed = exerciseCheckRequestSchema.safeParse(payload);
      if (!parsed.success) {
        const error = `invalid check request: ${z.prettifyError(parsed.error)}`;
        return reply({ error, refusal: 'invalid' });
      }
      const { exerciseId, files } = parsed.data;
      let exercise: Exercise | undefined;
      try {
        exercise = findExercise(exerciseId);
      } catch (err) {
        // Malformed content is our bug; the learner gets a sentence, the server keeps serving.
        console.warn(`[exercises] ${exerciseId}: ${(err as Error).message}`);
      }
      if (!exercise)
        return reply({ error: `no exercise "${exerciseId}"`, refusal: 'unknown-exercise' });
      try {
        resolveSubmission(exercise, files);
      } catch (err) {
        if (!(err instanceof SubmissionError)) throw err;
        return reply({ error: err.message, refusal: 'wrong-files' });
      }

      const checkId = randomBytes(6).toString('hex');
      const graded = deferred<ExerciseReport>();
      const target = exercise;
      // The scheduler counts the grading from here; the grader starts its run when it is ready.
      const admission = scheduler.submit(
        socket.id,
        () =>
          new Promise<Run>((resolveRun, rejectRun) => {
            const driver: NonNullable<Parameters<typeof grade>[2]>['driver'] = (request) =>
              runtimeDriver({ ...request, onRun: resolveRun });
            const grading = grade(target, files, { driver });
            grading.then(graded.resolve, graded.reject);
            // Settles the admission if the grader failed (or finished) without a run.
            grading.then(() => rejectRun(new Error('the grading ended before its run')), rejectRun);
          }),
      );
      if (admission.state === 'refused') return reply({ error: admission.reason, refusal: 'busy' });
      reply({
        data: {
          checkId,
          state: admission.state,
          ...(admission.state === 'queued' ? { position: admission.position } : {}),
        },
      });

      const room = `check:${checkId}`;
      void socket.join(room);
      const send = (result: DistributiveOmit<ExerciseCheckedPayload, 'checkId' | 'exerciseId'>) =>
        io.to(room).emit('exercise:checked', { checkId, exerciseId, ...result });
      const broke = (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        const outcome = err instanceof GradingUnavailable ? 'unavailable' : 'error';
        if (outcome === 'error') console.warn(`[exercises] ${exerciseId}: ${message}`);
        send({ outcome, message, broker: target.broker });
      };

      void (async () => {
        let run: Run;
        try {
          run = await admission.run;
        } catch (err) {
          return broke(err);
        }
        live.add(run);
        if (gone) void run.stop('disconnected', 'the browser disconnected');
        const started = {
          runId: run.id,
          broker: run.broker,
          scripts: run.scripts,
          seconds: run.limits.wallSeconds,
        };
        io.to(room).emit('exercise:started', { checkId, exerciseId, run: started });
        io.to(room).emit('run:started', started);
        const relayed = relayRun(io, room, run);
        try {
          const report = await graded.promise;
          await relayed;
          send({ outcome: 'graded', report });
        } catch (err) {
          await relayed.catch(() => {});
          broke(err);
        } finally {
          live.delete(run);
          void socket.leave(room);
        }
      })();
    });

    socket.on('disconnect', () => {
      gone = true;
      scheduler.cancelQueued(socket.id);
      for (const run of live) void run.stop('disconnected', 'the browser disconnected');
    });
  });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  // Read only once the run has started; a grading that never got that far is reported via the admission.
  promise.catch(() => {});
  return { promise, resolve, reject };
}
