import type { Run } from '../run';
import { SlowDown } from './slowDown';

/**
 * What fault injection keeps per run: the slowed scripts (their freeze/thaw cycles stop when
 * the script exits, is paused or resumed, or the run ends) and the stamps of injected
 * poison messages (`@run:1`, `@run:2`… with a sequence per destination and key).
 */
export class RunFaults {
  private readonly slowed = new Map<string, SlowDown>();
  private readonly sequences = new Map<string, number>();
  private injected = 0;

  constructor(private readonly run: Run) {
    run.trace.subscribe((event) => {
      if (event.type === 'exit') this.stopSlowDown(event.script, false);
    });
    void run.done.finally(() => {
      for (const name of [...this.slowed.keys()]) this.stopSlowDown(name, false);
    });
  }

  slowDown(script: string, factor: number): SlowDown {
    this.stopSlowDown(script, false);
    const slow = new SlowDown((frozen) => this.run.pauseScript(script, frozen), factor);
    this.slowed.set(script, slow);
    slow.start();
    return slow;
  }

  /** Ends a slow-down; `thaw` false when the script is about to be frozen, killed or is gone. */
  stopSlowDown(script: string, thaw = true): void {
    this.slowed.get(script)?.stop(thaw);
    this.slowed.delete(script);
  }

  nextInjectedId(): string {
    return `@run:${++this.injected}`;
  }

  nextSeq(destination: string, key: string | undefined): number {
    const slot = `${destination}\u0000${key ?? ''}`;
    const seq = (this.sequences.get(slot) ?? 0) + 1;
    this.sequences.set(slot, seq);
    return seq;
  }
}

const perRun = new WeakMap<Run, RunFaults>();

export function faultsOf(run: Run): RunFaults {
  let faults = perRun.get(run);
  if (!faults) perRun.set(run, (faults = new RunFaults(run)));
  return faults;
}
