/** Runs scripts with a fault schedule, for the fault and metrics tests. */
import type { Broker } from '../../server/protocol/brokers';
import type { TraceEvent, TraceEventOf } from '../../server/protocol/trace';
import { parseFault } from '../../server/runner/faults/faultSpec';
import { scheduleFaults } from '../../server/runner/faults/scheduleFaults';
import type { Run } from '../../server/runner/run';
import { startRun } from '../../server/runner/startRun';
import type { Finished } from './helpers';

export interface FaultRunOptions {
  seconds?: number;
  /** `<at>:<kind>:<target>`, as in exercises and `mqlab run --fault`. */
  faults?: string[];
  /** Sees every event as it is recorded (live checks against the broker). */
  onEvent?: (event: TraceEvent, run: Run) => void;
  /** Stops the run (reason `stopped`) once this holds: for scripts that never end by themselves. */
  until?: (events: TraceEvent[]) => boolean;
}

export async function runWithFaults(
  broker: Broker,
  scripts: Record<string, string>,
  options: FaultRunOptions = {},
): Promise<Finished> {
  const files = Object.entries(scripts).map(([name, source]) => ({ name, source }));
  const run = await startRun({ broker, files, seconds: options.seconds ?? 20 });
  const startedAt = run.trace.all().find((e) => e.type === 'run-start')?.ts ?? Date.now();
  scheduleFaults(run, (options.faults ?? []).map(parseFault), startedAt, 'test');
  const events: TraceEvent[] = [];
  for await (const event of run.trace) {
    events.push(event);
    options.onEvent?.(event, run);
    if (options.until?.(events)) void run.stop('stopped', 'the test has seen what it waited for');
  }
  return { run, events, end: events.at(-1) as Finished['end'] };
}

/** The first `kind` fault on `target` (after event number `afterN`). */
export function faultOf(events: TraceEvent[], kind: string, target?: string, afterN = 0) {
  const found = events.find(
    (e): e is TraceEventOf<'fault'> =>
      e.type === 'fault' &&
      e.n > afterN &&
      e.kind === kind &&
      (target === undefined || e.target === target),
  );
  if (!found) throw new Error(`no ${kind} fault in the trace`);
  return found;
}

/** Events of one type from `script` after event number `n`. */
export function after<T extends TraceEvent['type']>(
  events: TraceEvent[],
  n: number,
  type: T,
  script?: string,
): TraceEventOf<T>[] {
  return events.filter(
    (e): e is TraceEventOf<T> =>
      e.type === type && e.n > n && (script === undefined || e.script === script),
  );
}

export const metricsOf = (events: TraceEvent[]) =>
  events.filter((e): e is TraceEventOf<'metrics'> => e.type === 'metrics');

/** Distinct messages acknowledged so far. */
export const ackedCount = (events: TraceEvent[]) =>
  new Set(events.filter((e) => e.type === 'ack').map((e) => (e as { msgId: string }).msgId)).size;

/**
 * The broker's last figures for `entity`, read after the last delivery or ack, sum to 0 over
 * `figures` (e.g. NSQ depth + inFlight, Redis pending): nothing is left to settle, so a run
 * stopped now ends with trace and broker in agreement.
 */
export function brokerSettled(events: TraceEvent[], entity: string, figures: string[]): boolean {
  const last = events.at(-1);
  if (last?.type !== 'metrics') return false;
  const values = last.figures.broker[entity];
  const lastMessage = events.findLast((e) => e.type === 'deliver' || e.type === 'ack');
  return (
    !!values &&
    figures.reduce((sum, f) => sum + (values[f] ?? 0), 0) === 0 &&
    last.ts > (lastMessage?.ts ?? 0)
  );
}
