import type { TraceEvent } from '../protocol/trace';

export type Counts = Record<string, Record<string, number>>;

/**
 * What the trace says happened, per entity: produces per destination; deliveries, acks,
 * nacks and requeues per subscription; dead letters per original destination; anomalies per
 * subscription. `total` sums each figure over the run. Broker modules compare these with
 * the broker's own figures at run end.
 */
export class TraceCounts {
  readonly counts: Counts = { total: {} };
  /** A message discarded by the client and then found in a dead-letter topic counts once. */
  private readonly deadLettered = new Set<string>();

  add(event: TraceEvent): void {
    switch (event.type) {
      case 'produce':
        return this.bump(event.destination, 'produced');
      case 'deliver':
        this.bump(event.subscription, 'delivered');
        if (event.attempt > 1) this.bump(event.subscription, 'redelivered');
        return;
      case 'ack':
        return this.bump(event.subscription, 'acked');
      case 'nack':
        return this.bump(event.subscription, 'nacked');
      case 'requeue':
        return this.bump(event.subscription, 'requeued');
      case 'dead-letter': {
        const once = `${event.originalDestination}\u0000${event.msgId}`;
        if (this.deadLettered.has(once)) return;
        this.deadLettered.add(once);
        this.bump(event.originalDestination, `deadLettered:${event.reason}`);
        return this.bump(event.originalDestination, 'deadLettered');
      }
      case 'anomaly':
        return this.bump(event.subscription, event.kind);
      case 'claim':
        return this.bump(event.subscription, 'claimed');
      default:
        return;
    }
  }

  private bump(entity: string, figure: string) {
    const row = (this.counts[entity] ??= {});
    row[figure] = (row[figure] ?? 0) + 1;
    this.counts.total![figure] = (this.counts.total![figure] ?? 0) + 1;
  }
}
