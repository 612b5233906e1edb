import { z } from 'zod';
import { BROKERS } from '../protocol/brokers';
import { SCRIPT_NAME } from '../protocol/run';
import { DIFFICULTIES } from '../content/schema';

/** Longest wall time an exercise's run may have: a whole grading must stay within 20 s. */
export const MAX_EXERCISE_SECONDS = 20;

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const scriptName = z.string().regex(SCRIPT_NAME, 'a script file name like consumer.ts');
const checkId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case check id');

/** `exercises/NN-<id>/exercise.json`. */
export const exerciseMetaSchema = z.strictObject({
  broker: z.enum(BROKERS),
  difficulty: z.enum(DIFFICULTIES),
  /** Slug of the lesson this exercise practises (a lessons/NN-<slug> folder). */
  lesson: z.string().regex(/^[a-z0-9-]+$/),
  title: localized,
  /** Wall-time limit of the grading run. */
  seconds: z.int().min(3).max(MAX_EXERCISE_SECONDS),
  /** Scripted faults, `<at>:<kind>:<target>` (see faultSpec.ts). */
  faults: z.array(z.string()).default([]),
  /** The files the learner edits, in the editor's tab order; the first opens first. */
  files: z.array(scriptName).min(1),
  /** Wrong solution folder name → id of the check it must fail. */
  wrong: z.record(z.string().regex(/^[a-z0-9-]+$/), checkId),
  /** A per-run PostgreSQL database: schema applied before the run, tables read after it. */
  database: z
    .strictObject({
      schema: z.string().regex(/^[\w.-]+\.sql$/),
      tables: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
    })
    .optional(),
});
export type ExerciseMeta = z.infer<typeof exerciseMetaSchema>;

export const exerciseCheckIdSchema = checkId;
