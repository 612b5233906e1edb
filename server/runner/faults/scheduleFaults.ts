import { RUN_ACTOR } from '../../protocol/trace';
import type { Run } from '../run';
import { applyFault, type FaultSource } from './applyFault';
import type { FaultSpec } from './faultSpec';

export interface ScheduledFaults {
  /** Drops the faults not applied yet. */
  cancel(): void;
}

/**
 * Applies each fault `atMs` after `startedAt` (the run's start). A fault that cannot be
 * applied — its script already gone, nothing to copy yet — becomes an `error` event from
 * `@run` naming it; the run goes on. Timers end with the run.
 */
export function scheduleFaults(
  run: Run,
  faults: readonly FaultSpec[],
  startedAt: number,
  source: FaultSource = 'schedule',
): ScheduledFaults {
  const timers = faults.map((fault) =>
    setTimeout(
      () =>
        void applyFault(run, fault, source, fault.text).catch((err: Error) => {
          if (run.isEnding) return;
          run.emit({
            type: 'error',
            ts: Date.now(),
            script: RUN_ACTOR,
            message: `fault ${fault.text} was not applied: ${err.message}`,
            fatal: false,
          });
        }),
      Math.max(0, fault.atMs - (Date.now() - startedAt)),
    ),
  );
  const cancel = () => timers.forEach(clearTimeout);
  void run.done.finally(cancel);
  return { cancel };
}
