import { randomBytes } from 'node:crypto';
import { POSTGRES } from '../db/postgresPaths';
import { runStartRequestSchema, type RunStartRequest } from '../protocol/run';
import { allBrokerPorts, brokerModule } from './brokerModules';
import { limitsFor, type RunLimits } from './limits';
import { trackRun } from './liveRuns';
import { METRICS_INTERVAL_MS, startRunMetrics } from './metrics/runMetrics';
import { Run } from './run';
import { prepareSandboxHost } from './sandboxHost';
import { sweepOnce } from './sweepLeftovers';

export interface StartRunOptions {
  /** Tighter or looser bounds than the defaults (tests, the grader). */
  limits?: Partial<RunLimits>;
  /** A service beside the broker for this run only (the exercises' per-run database). */
  service?: RunService;
  /** Chosen by the caller when it must name the run before it starts (a queued socket request). */
  runId?: string;
  /** How often a `metrics` event is emitted (default every second); 0: never. */
  metricsIntervalMs?: number;
}

/** 8 hex digits: short enough for NSQ's 64-character names once used as a prefix. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** What a run's scripts additionally get: endpoints they may open and environment variables. */
export interface RunService {
  /** `host:port`, spelled exactly as the scripts connect. */
  allowNet: string[];
  env: Record<string, string>;
}

/**
 * Starts a run: the learner's files as sandboxed scripts against one real broker, traced.
 * Resolves once every script has been launched; the run's trace is then live on `run.trace`
 * (an async iterable from the first event), and `run.done` resolves with the run-end event.
 *
 *   const run = await startRun({ broker: 'rabbitmq', files: [{ name: 'producer.ts', source }], seconds: 10 });
 *   for await (const event of run.trace) console.log(event.type);
 */
export async function startRun(
  request: RunStartRequest,
  options: StartRunOptions = {},
): Promise<Run> {
  const { broker, files, seconds } = runStartRequestSchema.parse(request);
  const brokerMod = brokerModule(broker);
  // The database port is in the egress rule for every sandbox; only runs with a service may open it.
  const host = await prepareSandboxHost([...allBrokerPorts(), POSTGRES.port]);
  await sweepOnce(host);
  const run = new Run({
    runId: options.runId ?? newRunId(),
    broker,
    files,
    limits: limitsFor(seconds, options.limits),
    module: brokerMod,
    host,
    service: options.service,
  });
  trackRun(run, () => run.scriptPids());
  await run.start();
  const every = options.metricsIntervalMs ?? METRICS_INTERVAL_MS;
  if (every > 0) startRunMetrics(run, every);
  return run;
}
