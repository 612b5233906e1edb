import { RUN_ACTOR } from '../protocol/trace';
import type { Run } from '../runner/run';
import type { FaultKind, FaultSpec } from './faultSpec';

/**
 * Applies an exercise's fault schedule to a live run, each fault announced as a `fault`
 * trace event first so checks (and the live view) can explain what followed.
 *
 * Interim: the runtime's own fault injection (issue "fault injection") is not built yet.
 * Until then the kinds that the public Run API already supports are applied here —
 * kill, restart, pause, resume. When the runtime's scheduler lands, this file becomes a
 * call to it with the same `<at>:<kind>:<target>` strings.
 */
const APPLY: Partial<Record<FaultKind, (run: Run, target: string) => Promise<unknown> | unknown>> =
  {
    kill: (run, target) =>
      run.killScript(target, 'killed', `${target} was killed by the exercise's fault schedule`),
    restart: (run, target) => run.restartScript(target),
    pause: (run, target) => run.pauseScript(target, true),
    resume: (run, target) => run.pauseScript(target, false),
  };

/** Fault kinds this build can apply; an exercise needing another cannot be graded yet. */
export function unsupportedFaults(faults: FaultSpec[]): FaultSpec[] {
  return faults.filter((f) => !APPLY[f.kind]);
}

/** Schedules every fault relative to `startedAt`; `cancel` drops those not yet applied. */
export function scheduleFaults(
  run: Run,
  faults: FaultSpec[],
  startedAt: number,
): { cancel(): void } {
  const timers = faults.map((fault) =>
    setTimeout(
      () => {
        run.emit({
          type: 'fault',
          ts: Date.now(),
          script: RUN_ACTOR,
          kind: fault.kind,
          target: fault.target,
          detail: { spec: fault.text },
        });
        void Promise.resolve(APPLY[fault.kind]?.(run, fault.target)).catch((err: Error) =>
          run.emit({
            type: 'error',
            ts: Date.now(),
            script: RUN_ACTOR,
            message: `fault ${fault.text} failed: ${err.message}`,
            fatal: false,
          }),
        );
      },
      Math.max(0, fault.atMs - (Date.now() - startedAt)),
    ),
  );
  return { cancel: () => timers.forEach(clearTimeout) };
}
