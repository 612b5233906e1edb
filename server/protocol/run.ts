import { z } from 'zod';
import { brokerSchema } from './brokers';
import type { LogEvent, RunEndEvent, TraceEvent } from './trace';

/** A learner's file: `producer.ts`, `consumer-2.ts`. The name becomes the script's identity in traces. */
export const SCRIPT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}\.ts$/;
export const MAX_SCRIPTS = 8;
export const MAX_SOURCE_CHARS = 100_000;
export const MAX_RUN_SECONDS = 300;
export const DEFAULT_RUN_SECONDS = 60;

export const scriptFileSchema = z.object({
  name: z
    .string()
    .regex(SCRIPT_NAME, 'file names look like consumer.ts (letters, digits, - and _)'),
  source: z.string().max(MAX_SOURCE_CHARS),
});
export type ScriptFile = z.infer<typeof scriptFileSchema>;

export const runStartRequestSchema = z.object({
  broker: brokerSchema,
  files: z
    .array(scriptFileSchema)
    .min(1)
    .max(MAX_SCRIPTS)
    .refine(
      (files) => new Set(files.map((f) => f.name)).size === files.length,
      'file names must be unique',
    ),
  /** Wall-time limit of the run; scripts still running then are stopped. */
  seconds: z.int().min(1).max(MAX_RUN_SECONDS).optional(),
});
export type RunStartRequest = z.infer<typeof runStartRequestSchema>;

export const runStopRequestSchema = z.object({ runId: z.string().min(1).max(64) });
export type RunStopRequest = z.infer<typeof runStopRequestSchema>;

/** The answer to `run:start`: running now, or waiting for a free slot. Refusals come as `{error}`. */
export interface RunStartResult {
  runId: string;
  state: 'running' | 'queued';
  /** 1-based place in the queue when `queued`. */
  position?: number;
}

export interface RunStartedPayload {
  runId: string;
  broker: RunStartRequest['broker'];
  scripts: string[];
  seconds: number;
}

/** Trace events are sent in batches (at most every TRACE_BATCH_MS) so thousands per second stay cheap. */
export interface RunTraceBatch {
  runId: string;
  events: TraceEvent[];
}
export interface RunLogBatch {
  runId: string;
  events: LogEvent[];
}
export const TRACE_BATCH_MS = 50;

export type RunEndedPayload = RunEndEvent;
