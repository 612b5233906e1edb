import type { Broker } from '../protocol/brokers';
import type { ScriptFile } from '../protocol/run';
import type { RunEndEvent, TraceEvent } from '../protocol/trace';
import { POSTGRES } from '../db/postgresPaths';
import { BROKER_MODULES, allBrokerPorts } from '../runner/brokerModules';
import { installEgressFirewall } from '../runner/egressFirewall';
import type { Run } from '../runner/run';
import { startRun } from '../runner/startRun';
import { scheduleFaults, unsupportedFaults } from './faultSchedule';
import type { FaultSpec } from './faultSpec';

/** One grading run, as the grader asks for it. */
export interface ExerciseRunRequest {
  broker: Broker;
  /** Learner files and harness files together. */
  files: ScriptFile[];
  seconds: number;
  faults: FaultSpec[];
  /** The run's own database: env (PG*) for every script and the endpoint they may reach. */
  database?: { env: Record<string, string>; endpoint: string };
  /** Called with the live run once it has started (the socket relays its trace to the browser). */
  onRun?: (run: Run) => void;
}

export interface ExerciseRunOutcome {
  events: TraceEvent[];
  end: RunEndEvent;
}

/** Runs the scripts as one traced run; the grader's only door into the runtime. */
export type RunDriver = (request: ExerciseRunRequest) => Promise<ExerciseRunOutcome>;

/** Thrown when grading cannot happen at all (as opposed to a submission failing checks). */
export class GradingUnavailable extends Error {}

/** Slack past the run's own wall limit before the grader stops it itself. */
const STOP_SLACK_MS = 1500;

/** The real runtime: sandboxed scripts against the real broker (server/runner). */
export const runtimeDriver: RunDriver = async (request) => {
  if (!BROKER_MODULES[request.broker])
    throw new GradingUnavailable(`the runtime cannot run ${request.broker} scripts yet`);
  const missing = unsupportedFaults(request.faults);
  if (missing.length > 0) {
    throw new GradingUnavailable(
      `this exercise needs fault injection the runtime does not offer yet: ${missing.map((f) => f.text).join(', ')}`,
    );
  }
  if (request.database) await admitDatabasePort();
  const service = request.database && {
    allowNet: [request.database.endpoint],
    env: request.database.env,
  };
  const run = await startRun(
    { broker: request.broker, files: request.files, seconds: request.seconds },
    { service },
  );
  request.onRun?.(run);
  const startedAt = run.trace.all().find((e) => e.type === 'run-start')?.ts ?? Date.now();
  const faults = scheduleFaults(run, request.faults, startedAt);
  // The run has its own wall limit; this only guards against a run that fails to end.
  const guard = setTimeout(
    () => void run.stop('time-limit', `the grading run did not end within ${request.seconds} s`),
    request.seconds * 1000 + STOP_SLACK_MS,
  );
  try {
    const end = await run.done;
    return { events: [...run.trace.all()], end };
  } finally {
    clearTimeout(guard);
    faults.cancel();
  }
};

/**
 * The egress rule is one nftables table for the whole machine, replaced by whichever MQ Lab
 * process prepared its sandbox last (possibly an older checkout without the database port).
 * Before a run with a database, make sure the rule admits it; without nft, Deno's
 * --allow-net is the only network layer and there is nothing to do.
 */
async function admitDatabasePort(): Promise<void> {
  try {
    await installEgressFirewall([...allBrokerPorts(), POSTGRES.port]);
  } catch {
    /* nft missing or refused */
  }
}
