import type { TraceEvent } from '../../protocol/trace';
import type { Agreement, BrokerFigures } from '../../runner/brokerModule';
import type { Counts } from '../../trace/traceCounts';
import { nsqdTopics } from './nsqdHttp';
import { OBSERVER_CHANNEL } from './observeDeadLetters';

/** nsqd's /stats for the run: per topic messages and depth; per channel depth, in flight, deferred, requeues, timeouts. */
export async function inspectNsqRun(prefix: string): Promise<BrokerFigures> {
  const figures: BrokerFigures = {};
  for (const topic of await nsqdTopics(prefix)) {
    const name = topic.topic_name.slice(prefix.length);
    figures[`topic:${name}`] = { messages: topic.message_count, depth: topic.depth };
    for (const c of topic.channels) {
      if (c.channel_name === OBSERVER_CHANNEL) continue;
      figures[`channel:${name}/${c.channel_name}`] = {
        messages: c.message_count,
        depth: c.depth,
        inFlight: c.in_flight_count,
        deferred: c.deferred_count,
        requeued: c.requeue_count,
        timedOut: c.timeout_count,
      };
    }
  }
  return figures;
}

/**
 * - a topic's message count = messages the trace saw published to it;
 * - a channel's requeue count = requeues the trace saw on that subscription;
 * - what is still in a channel (depth + in flight + deferred) = messages that reached it
 *   minus those the trace saw finished or discarded there;
 * - a channel's timeouts = redeliveries the trace saw that no requeue explains (nsqd
 *   delivers a message again only after a REQ or its msg_timeout). A message that timed out
 *   but was not read again before the run ended is not in the trace: that row then disagrees.
 */
export function compareNsqFigures(
  counts: Counts,
  figures: BrokerFigures,
  events: readonly TraceEvent[],
): Agreement[] {
  const discarded = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'dead-letter' && e.observedBy === 'client' && e.subscription) {
      discarded.set(e.subscription, (discarded.get(e.subscription) ?? 0) + 1);
    }
  }
  const timeouts = redeliveriesAfterTimeout(events);
  const rows: Agreement[] = [];
  const row = (entity: string, figure: string, trace: number, broker: number) =>
    rows.push({ entity, figure, trace, broker, agrees: trace === broker });
  for (const [entity, b] of Object.entries(figures)) {
    const name = entity.slice(entity.indexOf(':') + 1);
    if (entity.startsWith('topic:'))
      row(entity, 'messages', counts[name]?.produced ?? 0, b.messages ?? 0);
    if (!entity.startsWith('channel:')) continue;
    const trace = counts[name] ?? {};
    row(entity, 'requeued', trace.requeued ?? 0, b.requeued ?? 0);
    row(entity, 'timedOut', timeouts.get(name) ?? 0, b.timedOut ?? 0);
    const left = (b.messages ?? 0) - (trace.acked ?? 0) - (discarded.get(name) ?? 0);
    row(entity, 'remaining', left, (b.depth ?? 0) + (b.inFlight ?? 0) + (b.deferred ?? 0));
  }
  return rows;
}

/**
 * Per subscription, deliveries that can only follow a msg_timeout: nsqd says it is not the
 * first attempt (`redelivered`), and the last thing the trace saw happen to the message there
 * was not a requeue (it was a delivery, a finish whose FIN was lost with its connection, or
 * nothing: a message lost unread in a dropped connection's buffer).
 */
export function redeliveriesAfterTimeout(events: readonly TraceEvent[]): Map<string, number> {
  const last = new Map<string, string>(); // subscription|msgId → type of its last event there
  const found = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'deliver' && e.type !== 'ack' && e.type !== 'requeue') continue;
    const slot = `${e.subscription}|${e.msgId}`;
    if (e.type === 'deliver' && e.redelivered && last.get(slot) !== 'requeue')
      found.set(e.subscription, (found.get(e.subscription) ?? 0) + 1);
    last.set(slot, e.type);
  }
  return found;
}
