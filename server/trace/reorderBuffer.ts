import type { TraceEvent } from '../protocol/trace';

/**
 * Scripts report through separate pipes, so two deliveries a millisecond apart can reach
 * the server in either order. Anomaly detection must see them in the order they happened:
 * events wait `windowMs` here and leave sorted by their own timestamp.
 */
export class ReorderBuffer {
  private pending: TraceEvent[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly release: (event: TraceEvent) => void,
  ) {}

  add(event: TraceEvent): void {
    this.pending.push(event);
    this.schedule();
  }

  private schedule() {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.drain(Date.now() - this.windowMs);
      if (this.pending.length) this.schedule();
    }, this.windowMs);
  }

  /** Releases everything (run end). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.drain(Infinity);
  }

  private drain(upTo: number) {
    const ready = this.pending.filter((e) => e.ts <= upTo);
    if (ready.length === 0) return;
    this.pending = this.pending.filter((e) => e.ts > upTo);
    ready.sort((a, b) => a.ts - b.ts || a.n - b.n);
    for (const event of ready) this.release(event);
  }
}
