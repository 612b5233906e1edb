import type { MetricsFigures, TraceEvent } from '../../protocol/trace';
import { percentiles } from './percentiles';

type Rates = MetricsFigures['rates'];

/**
 * What the trace says about the last sampling interval: per destination, messages
 * published, delivered and acknowledged per second, and the produce → first delivery
 * latency of the messages delivered in it (a message's latest produce counts: a
 * re-published or injected copy is timed from when it was sent again).
 */
export class TraceWindow {
  private readonly producedAt = new Map<string, number>();
  private counts = new Map<string, { published: number; delivered: number; acked: number }>();
  private latencies: number[] = [];
  private since: number;

  constructor(now: number) {
    this.since = now;
  }

  add(event: TraceEvent): void {
    switch (event.type) {
      case 'produce':
        this.producedAt.set(event.msgId, event.ts);
        this.row(event.destination).published++;
        return;
      case 'deliver': {
        this.row(event.destination).delivered++;
        const sent = this.producedAt.get(event.msgId);
        if (event.attempt === 1 && sent !== undefined)
          this.latencies.push(Math.max(0, event.ts - sent));
        return;
      }
      case 'ack':
        this.row(event.destination).acked++;
        return;
      default:
        return;
    }
  }

  /** Closes the interval at `now`: its figures, and a fresh interval begins. */
  take(now: number): Pick<MetricsFigures, 'intervalMs' | 'rates' | 'latencyMs'> {
    const intervalMs = Math.max(1, now - this.since);
    const perSecond = (n: number) => Math.round((n * 1000 * 100) / intervalMs) / 100;
    const rates: Rates = {};
    for (const [destination, c] of this.counts) {
      rates[destination] = {
        published: perSecond(c.published),
        delivered: perSecond(c.delivered),
        acked: perSecond(c.acked),
      };
    }
    const latencyMs = percentiles(this.latencies);
    this.counts = new Map();
    this.latencies = [];
    this.since = now;
    return { intervalMs, rates, ...(latencyMs ? { latencyMs } : {}) };
  }

  private row(destination: string) {
    let row = this.counts.get(destination);
    if (!row) this.counts.set(destination, (row = { published: 0, delivered: 0, acked: 0 }));
    return row;
  }
}
