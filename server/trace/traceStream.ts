import type { Broker } from '../protocol/brokers';
import type { TraceEvent } from '../protocol/trace';

/** An event before the stream numbers it and stamps the run on it. */
export type DraftEvent = TraceEvent extends infer E
  ? E extends TraceEvent
    ? Omit<E, 'n' | 'runId' | 'broker'>
    : never
  : never;

/**
 * The ordered record of one run: numbers events, keeps them (the grader and late socket
 * subscribers replay them) and fans them out. Other event sources (faults, metrics) join
 * through `push` like the scripts and the broker observers do.
 */
export class TraceStream {
  private readonly events: TraceEvent[] = [];
  private readonly listeners = new Set<(event: TraceEvent) => void>();
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(
    readonly runId: string,
    readonly broker: Broker,
  ) {}

  push(draft: DraftEvent): TraceEvent | undefined {
    if (this.closed) return undefined;
    const event = {
      ...draft,
      n: this.events.length + 1,
      runId: this.runId,
      broker: this.broker,
    } as TraceEvent;
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    for (const wake of this.waiters) wake();
    return event;
  }

  /** Calls `listener` for every future event; returns the unsubscribe function. */
  subscribe(listener: (event: TraceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get length(): number {
    return this.events.length;
  }

  all(): readonly TraceEvent[] {
    return this.events;
  }

  close(): void {
    this.closed = true;
    for (const wake of this.waiters) wake();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Every event from the first, then live ones, until the run has ended. */
  async *[Symbol.asyncIterator](): AsyncIterator<TraceEvent> {
    let next = 0;
    for (;;) {
      while (next < this.events.length) yield this.events[next++]!;
      if (this.closed) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }
}
