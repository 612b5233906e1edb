import type { Broker } from '@/server/protocol/brokers';
import type { MetricsFigures } from '@/server/protocol/trace';

/** One second of a run as the metric charts draw it. */
export interface MetricsPoint {
  /** Seconds since the epoch (uPlot's x unit). */
  t: number;
  published: number;
  delivered: number;
  acked: number;
  /** Produce → first delivery, ms; absent when nothing was delivered in the second. */
  p50?: number;
  p95?: number;
  /** Messages not yet acknowledged, by the broker's own figures (see BACKLOG); absent when unread. */
  backlog?: number;
}

/**
 * What "backlog" means on each broker: messages handed to the broker and not yet settled by a
 * consumer — waiting plus delivered-but-unacknowledged — summed over the run's entities.
 */
const BACKLOG: Record<Broker, { entity: string; figures: string[] }> = {
  rabbitmq: { entity: 'queue:', figures: ['messages', 'unacked'] },
  kafka: { entity: 'group:', figures: ['lag'] },
  nsq: { entity: 'channel:', figures: ['depth', 'inFlight'] },
  redis: { entity: 'group:', figures: ['pending', 'lag'] },
};

export function metricsPoint(broker: Broker, ts: number, figures: MetricsFigures): MetricsPoint {
  const point: MetricsPoint = { t: ts / 1000, published: 0, delivered: 0, acked: 0 };
  for (const rate of Object.values(figures.rates)) {
    point.published += rate.published;
    point.delivered += rate.delivered;
    point.acked += rate.acked;
  }
  if (figures.latencyMs) {
    point.p50 = figures.latencyMs.p50;
    point.p95 = figures.latencyMs.p95;
  }
  if (!figures.brokerError) {
    const { entity, figures: names } = BACKLOG[broker];
    let backlog = 0;
    for (const [name, values] of Object.entries(figures.broker)) {
      if (!name.startsWith(entity)) continue;
      for (const figure of names) backlog += values[figure] ?? 0;
    }
    point.backlog = backlog;
  }
  return point;
}
