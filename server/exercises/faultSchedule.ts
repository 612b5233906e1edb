import type { Run } from '../runner/run';
import { FAULT_KINDS } from '../runner/faults/faultSpec';
import { scheduleFaults as scheduleRunFaults } from '../runner/faults/scheduleFaults';
import type { FaultSpec } from './faultSpec';

/**
 * An exercise's fault schedule, applied by the runtime's fault injection
 * (server/runner/faults): each fault is announced as a `fault` trace event first, so checks
 * (and the live view) can explain what followed, then applied on the real broker / sandbox.
 */

/** Fault kinds this build cannot apply; an exercise needing one cannot be graded. */
export function unsupportedFaults(faults: FaultSpec[]): FaultSpec[] {
  return faults.filter((f) => !Object.hasOwn(FAULT_KINDS, f.kind));
}

/** Schedules every fault relative to `startedAt`; `cancel` drops those not yet applied. */
export function scheduleFaults(
  run: Run,
  faults: FaultSpec[],
  startedAt: number,
): { cancel(): void } {
  return scheduleRunFaults(run, faults, startedAt, 'schedule');
}
