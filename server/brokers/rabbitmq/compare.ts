import type { TraceEvent } from '../../protocol/trace';
import type { Agreement, BrokerFigures } from '../../runner/brokerModule';
import type { Counts } from '../../trace/traceCounts';
import type { RabbitInspection } from './inspect';
import { messagesIntoQueues } from './routeMessages';

/**
 * For each learner queue, the depth the trace implies must equal the depth RabbitMQ reports
 * after the run: what entered the queue (every traced publish and every dead letter the
 * server observed, routed by the broker's real bindings) minus what the trace says left it
 * (acked, rejected, dead-lettered for another reason such as expiry or a delivery limit).
 * Both sides are exact: the depth comes from a passive declare, not from the management
 * statistics (which lag by a second or more).
 */
export function compareRabbitFigures(
  counts: Counts,
  inspection: Pick<RabbitInspection, 'bindings' | 'exchangeTypes'>,
  figures: BrokerFigures,
  events: readonly TraceEvent[],
): Agreement[] {
  const entered = messagesIntoQueues(events, inspection.bindings, inspection.exchangeTypes);
  if (!entered) return []; // a headers exchange on the path: depths cannot be derived
  const rows: Agreement[] = [];
  for (const [entity, broker] of Object.entries(figures)) {
    if (!entity.startsWith('queue:') || entity.startsWith('queue:mqlab.')) continue;
    const queue = entity.slice('queue:'.length);
    const trace = counts[queue] ?? {};
    const leftOtherwise = (trace.deadLettered ?? 0) - (trace['deadLettered:rejected'] ?? 0);
    const depth =
      (entered.get(queue) ?? 0) - (trace.acked ?? 0) - (trace.nacked ?? 0) - leftOtherwise;
    rows.push({
      entity,
      figure: 'messages',
      trace: depth,
      broker: broker.messages ?? 0,
      agrees: depth === broker.messages,
    });
  }
  return rows;
}
