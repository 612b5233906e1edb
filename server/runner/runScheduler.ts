import type { Run } from './run';

export interface SchedulerLimits {
  /** Runs at once on this server (each is up to 8 sandboxes and a broker namespace). */
  maxRunning: number;
  /** Requests waiting for a slot, all clients together. */
  maxQueued: number;
  /** Runs one client (a browser tab's socket) may have running at once. */
  perClientRunning: number;
  /** Requests one client may have waiting. */
  perClientQueued: number;
}

export const DEFAULT_SCHEDULER_LIMITS: SchedulerLimits = {
  maxRunning: Number(process.env.MQLAB_MAX_RUNS ?? 4),
  maxQueued: 20,
  perClientRunning: 1,
  perClientQueued: 1,
};

export type Admission =
  | { state: 'running'; run: Promise<Run> }
  | { state: 'queued'; position: number; run: Promise<Run> }
  | { state: 'refused'; reason: string };

interface Waiting {
  clientId: string;
  start: () => Promise<Run>;
  resolve: (run: Run) => void;
  reject: (err: Error) => void;
}

/**
 * Admits runs fairly: a few at once globally, one per client, a short queue behind them,
 * and a clear refusal beyond that. A queued request starts as soon as a slot frees up.
 */
export class RunScheduler {
  private readonly running = new Map<string, number>();
  private readonly queue: Waiting[] = [];
  private total = 0;

  constructor(private readonly limits: SchedulerLimits = DEFAULT_SCHEDULER_LIMITS) {}

  submit(clientId: string, start: () => Promise<Run>): Admission {
    if (this.canStart(clientId)) return { state: 'running', run: this.launch(clientId, start) };
    const waitingForClient = this.queue.filter((w) => w.clientId === clientId).length;
    if (waitingForClient >= this.limits.perClientQueued) {
      const running = this.running.get(clientId) ?? 0;
      return {
        state: 'refused',
        reason: `you already have ${running} run${running === 1 ? '' : 's'} going and ${waitingForClient} waiting: stop one first`,
      };
    }
    if (this.queue.length >= this.limits.maxQueued) {
      return {
        state: 'refused',
        reason: `the playground is busy (${this.queue.length} runs waiting): try again in a minute`,
      };
    }
    let resolve!: (run: Run) => void;
    let reject!: (err: Error) => void;
    const run = new Promise<Run>((res, rej) => ((resolve = res), (reject = rej)));
    this.queue.push({ clientId, start, resolve, reject });
    return { state: 'queued', position: this.queue.length, run };
  }

  /** Drops a client's waiting requests (its socket went away). */
  cancelQueued(clientId: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.clientId !== clientId) continue;
      this.queue.splice(i, 1)[0]!.reject(new Error('cancelled: the client disconnected'));
    }
  }

  get stats() {
    return { running: this.total, queued: this.queue.length };
  }

  private canStart(clientId: string): boolean {
    return (
      this.total < this.limits.maxRunning &&
      (this.running.get(clientId) ?? 0) < this.limits.perClientRunning
    );
  }

  private launch(clientId: string, start: () => Promise<Run>): Promise<Run> {
    this.total++;
    this.running.set(clientId, (this.running.get(clientId) ?? 0) + 1);
    const release = () => {
      this.total--;
      const left = (this.running.get(clientId) ?? 1) - 1;
      if (left > 0) this.running.set(clientId, left);
      else this.running.delete(clientId);
      this.pump();
    };
    const run = start();
    run.then((r) => r.done.finally(release), release);
    return run;
  }

  private pump() {
    const next = this.queue.findIndex((w) => this.canStart(w.clientId));
    if (next === -1) return;
    const waiting = this.queue.splice(next, 1)[0]!;
    this.launch(waiting.clientId, waiting.start).then(waiting.resolve, waiting.reject);
  }
}
