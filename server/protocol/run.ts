import { z } from 'zod';
import { brokerSchema } from './brokers';
import type { LogEvent, RunEndEvent, TraceEvent, TraceEventOf } from './trace';

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

/**
 * Faults that can be injected into a live run, and what each acts on: one of the run's
 * scripts, or a destination (queue / exchange, topic, stream) as the learner named it.
 * The same kinds are written `<at>:<kind>:<target>` in exercises and `mqlab run --fault`.
 */
export const FAULT_KINDS = {
  /** SIGKILL the script's whole process tree (its connections die with it). */
  kill: 'script',
  /** Kill it and start it again (a fresh process, new message-id tag). */
  restart: 'script',
  /** Freeze its cgroup: the process stops, its connections stay open. */
  pause: 'script',
  /** Thaw a paused or slowed script. */
  resume: 'script',
  /** Freeze and thaw it in turns so it runs 1/factor of the time. */
  slow: 'script',
  /** Close its broker connections from the broker's side. */
  drop: 'script',
  /** Put a malformed message into the destination, stamped and traced like the run's own. */
  poison: 'destination',
  /** Put a copy of a delivered and acknowledged message (same msgId) into its destination again. */
  duplicate: 'destination',
} as const;
export type FaultKind = keyof typeof FAULT_KINDS;
export const FAULT_KIND_NAMES = Object.keys(FAULT_KINDS) as [FaultKind, ...FaultKind[]];
/** `slow`: the script runs 1/factor of the time. */
export const DEFAULT_SLOW_FACTOR = 10;

export const runFaultRequestSchema = z.object({
  runId: z.string().min(1).max(64),
  kind: z.enum(FAULT_KIND_NAMES),
  /** A script file name (`consumer.ts`) or a destination (`orders`), as FAULT_KINDS says. */
  target: z.string().min(1).max(200),
  /** `slow` only: run 1/factor of the time (default DEFAULT_SLOW_FACTOR). */
  factor: z.int().min(2).max(100).optional(),
  /** `duplicate` only: the message to copy (default: the last one delivered and acknowledged). */
  msgId: z.string().min(1).max(200).optional(),
  /** `poison` only: the body to inject (default: text that is not the JSON the run's messages carry). */
  payload: z.string().max(4096).optional(),
});
export type RunFaultRequest = z.infer<typeof runFaultRequestSchema>;

/** The answer to `run:fault`: the `fault` event as recorded in the run's trace (the fault is then applied). */
export interface RunFaultResult {
  runId: string;
  fault: TraceEventOf<'fault'>;
}

/** The dead-letter panel's replay: republish a dead-lettered message of a live run. */
export const runReplayRequestSchema = z.object({
  runId: z.string().min(1).max(64),
  msgId: z.string().min(1).max(200),
});
export type RunReplayRequest = z.infer<typeof runReplayRequestSchema>;

/** The answer to `run:replay`: the republished message's `produce` event (`republished: true`). */
export interface RunReplayResult {
  runId: string;
  produce: TraceEventOf<'produce'>;
}

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
