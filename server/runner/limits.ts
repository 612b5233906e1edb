import { DEFAULT_RUN_SECONDS } from '../protocol/run';

/** Every bound a run has. Per script unless it says per run. */
export interface RunLimits {
  /** Wall time of the whole run. */
  wallSeconds: number;
  /** CPU seconds one script may burn (RLIMIT_CPU, SIGKILL at the limit). */
  cpuSeconds: number;
  /** Memory of one script including off-heap buffers (cgroup), bytes. */
  memoryBytes: number;
  /** Tasks (processes and threads) of one script (cgroup pids + RLIMIT_NPROC). Deno itself uses ~20. */
  tasks: number;
  openFiles: number;
  /** Console output of the whole run, bytes; past it the run ends. */
  outputBytes: number;
  /** Trace events of the whole run; past it the run ends (bounds memory and message floods). */
  traceEvents: number;
  /** Largest message a wrapper lets through, bytes. */
  messageBytes: number;
  /** Queues, exchanges, topics, streams… one run may create. */
  entities: number;
  /** Broker connections of the whole run. */
  connections: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  wallSeconds: DEFAULT_RUN_SECONDS,
  cpuSeconds: 30,
  memoryBytes: 320 * 1024 * 1024,
  tasks: 96,
  openFiles: 256,
  outputBytes: 1024 * 1024,
  traceEvents: 200_000,
  messageBytes: 1024 * 1024,
  entities: 50,
  connections: 40,
};

export function limitsFor(
  seconds: number | undefined,
  overrides: Partial<RunLimits> = {},
): RunLimits {
  const wallSeconds = seconds ?? overrides.wallSeconds ?? DEFAULT_LIMITS.wallSeconds;
  return {
    ...DEFAULT_LIMITS,
    ...overrides,
    wallSeconds,
    cpuSeconds: Math.min(wallSeconds, overrides.cpuSeconds ?? DEFAULT_LIMITS.cpuSeconds),
  };
}
