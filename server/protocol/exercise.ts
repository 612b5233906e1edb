import { z } from 'zod';
import type { Broker } from './brokers';
import { MAX_SCRIPTS, scriptFileSchema, type RunStartedPayload } from './run';

/** An exercise id is its folder name without the `NN-` prefix: `rabbitmq-retry-dlq`. */
export const EXERCISE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `exercise:check`: the learner's files for one exercise. Same bounds as a run (file names,
 * 100 000 characters a file, at most 8 files); which names are allowed is the exercise's call.
 */
export const exerciseCheckRequestSchema = z.object({
  exerciseId: z.string().max(64).regex(EXERCISE_ID, 'an exercise id like rabbitmq-retry-dlq'),
  files: z
    .array(scriptFileSchema)
    .min(1)
    .max(MAX_SCRIPTS)
    .refine(
      (files) => new Set(files.map((f) => f.name)).size === files.length,
      'file names must be unique',
    ),
});
export type ExerciseCheckRequest = z.infer<typeof exerciseCheckRequestSchema>;

/** Why a check request was turned down, so the page can say it in the learner's language. */
export type ExerciseCheckRefusal = 'invalid' | 'unknown-exercise' | 'wrong-files' | 'busy';

/** Accepted: grading now, or waiting for a free slot (shared with playground runs). */
export interface ExerciseCheckAccepted {
  checkId: string;
  state: 'running' | 'queued';
  /** 1-based place in the queue when `queued`. */
  position?: number;
}

/** The ack of `exercise:check`: like every ack, data or an error, plus the refusal's kind. */
export type ExerciseCheckAck =
  { data: ExerciseCheckAccepted } | { error: string; refusal: ExerciseCheckRefusal };

/**
 * The grading run has started: from now on its trace arrives as ordinary `run:trace`,
 * `run:log` and `run:ended` events for `run.runId`, so the playground's live view works as is.
 */
export interface ExerciseCheckStartedPayload {
  checkId: string;
  exerciseId: string;
  run: RunStartedPayload;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

/** One rule of the exercise and its verdict; a failure's message names the message and the rule. */
export interface ExerciseCheckResult {
  id: string;
  title: LocalizedText;
  passed: boolean;
  message: LocalizedText;
}

/** The grader's report as it travels (server/exercises/grade.ts GradeReport). */
export interface ExerciseReport {
  exercise: string;
  passed: boolean;
  checks: ExerciseCheckResult[];
  durationMs: number;
  /** How the grading run ended (`completed`, `time-limit`…). */
  runEnd: string;
}

/**
 * `exercise:checked`: the verdict, or why there is none — `unavailable` when this server
 * cannot grade the exercise at all (a fault or service it lacks), `error` when the grading
 * broke (the broker went away, a run that could not start).
 */
export type ExerciseCheckedPayload =
  | { checkId: string; exerciseId: string; outcome: 'graded'; report: ExerciseReport }
  | {
      checkId: string;
      exerciseId: string;
      outcome: 'unavailable' | 'error';
      message: string;
      broker: Broker;
    };
