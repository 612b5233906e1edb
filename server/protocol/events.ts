import type { BrokerStatus } from './brokers';
import type {
  ExerciseCheckAck,
  ExerciseCheckedPayload,
  ExerciseCheckRequest,
  ExerciseCheckStartedPayload,
} from './exercise';
import type {
  RunEndedPayload,
  RunFaultRequest,
  RunFaultResult,
  RunLogBatch,
  RunReplayRequest,
  RunReplayResult,
  RunStartedPayload,
  RunStartRequest,
  RunStartResult,
  RunStopRequest,
  RunTraceBatch,
} from './run';

/** Every acknowledgement carries either data or a human-readable error. */
export type Ack<T> = { data: T } | { error: string };

/** Broadcasts, past tense or state snapshots. */
export interface ServerToClientEvents {
  'brokers:status': (statuses: BrokerStatus[]) => void;
  /** A requested run (possibly queued until now) has started. */
  'run:started': (payload: RunStartedPayload) => void;
  /** Trace events of a run, in order, batched (see server/protocol/trace.ts). */
  'run:trace': (batch: RunTraceBatch) => void;
  /** Console lines of a run's scripts, batched. */
  'run:log': (batch: RunLogBatch) => void;
  /** The run is over; its broker entities are already deleted. */
  'run:ended': (event: RunEndedPayload) => void;
  /** A check's grading run has started; its trace follows as `run:*` events for `run.runId`. */
  'exercise:started': (payload: ExerciseCheckStartedPayload) => void;
  /** A check is over: the grader's report, or why there is none. */
  'exercise:checked': (payload: ExerciseCheckedPayload) => void;
}

/** Requests, imperative. Every handler validates its payload and acks. */
export interface ClientToServerEvents {
  'brokers:refresh': (ack: (res: Ack<BrokerStatus[]>) => void) => void;
  /** Runs scripts against a broker; answered with the run id, running or queued, or a refusal. */
  'run:start': (request: RunStartRequest, ack: (res: Ack<RunStartResult>) => void) => void;
  'run:stop': (request: RunStopRequest, ack: (res: Ack<{ runId: string }>) => void) => void;
  /** Injects a fault into one of this client's live runs (FAULT_KINDS in run.ts); the ack carries the `fault` event. */
  'run:fault': (request: RunFaultRequest, ack: (res: Ack<RunFaultResult>) => void) => void;
  /** Republishes a dead-lettered message of one of this client's live runs, traced (`republished`). */
  'run:replay': (request: RunReplayRequest, ack: (res: Ack<RunReplayResult>) => void) => void;
  /** Grades an exercise's files against the real broker; answered with a check id, or a refusal. */
  'exercise:check': (request: ExerciseCheckRequest, ack: (res: ExerciseCheckAck) => void) => void;
}
