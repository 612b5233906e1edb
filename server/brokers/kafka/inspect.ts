import type { Kafka } from 'kafkajs';
import type { TraceEvent } from '../../protocol/trace';
import type { Agreement, BrokerFigures } from '../../runner/brokerModule';
import type { Counts } from '../../trace/traceCounts';
import { OBSERVER_GROUP } from './observeDeadLetters';

/**
 * Per run topic: records kept (high − low watermark, summed over partitions). Per consumer
 * group and topic: the committed offsets (summed) and the lag behind the high watermarks.
 */
export async function inspectKafkaRun(kafka: Kafka, prefix: string): Promise<BrokerFigures> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const figures: BrokerFigures = {};
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    const highs = new Map<string, Map<number, number>>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      highs.set(topic, new Map(offsets.map((o) => [o.partition, Number(o.high)])));
      figures[`topic:${topic.slice(prefix.length)}`] = {
        messages: offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0),
        partitions: offsets.length,
      };
    }
    const { groups } = await admin.listGroups();
    for (const { groupId } of groups) {
      if (!groupId.startsWith(prefix) || groupId.includes(OBSERVER_GROUP)) continue;
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
        const committed = partitions.filter((p) => Number(p.offset) >= 0);
        if (committed.length === 0) continue;
        const high = highs.get(topic)!;
        figures[`group:${groupId.slice(prefix.length)}/${topic.slice(prefix.length)}`] = {
          committed: committed.reduce((n, p) => n + Number(p.offset), 0),
          lag: partitions.reduce(
            (n, p) => n + (high.get(p.partition) ?? 0) - Math.max(0, Number(p.offset)),
            0,
          ),
        };
      }
    }
    return figures;
  } finally {
    await admin.disconnect();
  }
}

/**
 * - records on a topic = messages the trace saw produced to it (a short run deletes nothing);
 * - a group's committed offsets = the last offset the trace saw it commit, per partition, summed;
 * - a group's lag on a topic = messages the trace saw produced to it − those committed offsets
 *   (what the metrics' lag per partition adds up to at the end).
 */
export function compareKafkaFigures(
  counts: Counts,
  figures: BrokerFigures,
  events: readonly TraceEvent[],
): Agreement[] {
  const lastCommit = new Map<string, Map<number, number>>();
  for (const e of events) {
    if (e.type !== 'commit') continue;
    const perPartition =
      lastCommit.get(e.subscription) ??
      lastCommit.set(e.subscription, new Map()).get(e.subscription)!;
    perPartition.set(e.partition, Number(e.offset));
  }
  const rows: Agreement[] = [];
  for (const [entity, broker] of Object.entries(figures)) {
    const name = entity.slice(entity.indexOf(':') + 1);
    if (entity.startsWith('topic:')) {
      const produced = counts[name]?.produced ?? 0;
      rows.push({
        entity,
        figure: 'messages',
        trace: produced,
        broker: broker.messages ?? 0,
        agrees: produced === broker.messages,
      });
    } else if (entity.startsWith('group:')) {
      const committed = [...(lastCommit.get(name)?.values() ?? [])].reduce((n, o) => n + o, 0);
      rows.push({
        entity,
        figure: 'committed',
        trace: committed,
        broker: broker.committed ?? 0,
        agrees: committed === broker.committed,
      });
      const topic = name.slice(name.lastIndexOf('/') + 1); // topic names cannot hold '/'
      const lag = (counts[topic]?.produced ?? 0) - committed;
      rows.push({
        entity,
        figure: 'lag',
        trace: lag,
        broker: broker.lag ?? 0,
        agrees: lag === broker.lag,
      });
    }
  }
  return rows;
}
