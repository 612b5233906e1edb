import type {
  Offsets,
  Consumer,
  ConsumerRunConfig,
  EachBatchPayload,
  EachMessagePayload,
  KafkaMessage,
} from 'kafkajs';
import { previewPayload } from '../../../runner/inside/payload.ts';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { readStamp } from '../../../runner/inside/stamps.ts';
import { emit } from '../../../runner/inside/traceWriter.ts';
import { prefixed, prefixedTopic, unprefixed } from './topicNames.ts';

/**
 * Traces one consumer: a delivery per message handed to the learner, an `ack` when its
 * eachMessage resolves (or resolveOffset covers it), a `requeue` when it throws (kafkajs
 * will deliver it again), `commit`s from the client's own commit events, and each group
 * join as a (possible) rebalance. Topics are shown to the learner without the run prefix.
 */
export function traceConsumer(consumer: Consumer, group: string): Consumer {
  const seen = new Set<string>();
  const deliver = (topic: string, partition: number, m: KafkaMessage) => {
    const stamp = readStamp(m.headers as Record<string, unknown>);
    const key = m.key === null ? undefined : m.key.toString();
    const what = {
      msgId: stamp.msgId ?? `unstamped:${topic}:${partition}:${m.offset}`,
      destination: topic,
      ...(key !== undefined ? { key } : {}),
      ...(stamp.seq !== undefined ? { seq: stamp.seq } : {}),
      ...(stamp.producer ? { producer: stamp.producer } : {}),
      subscription: `${group}/${topic}`,
    };
    const position = `${topic}:${partition}:${m.offset}`;
    emit({
      type: 'deliver',
      ...what,
      partition,
      offset: m.offset,
      redelivered: seen.has(position),
      payload: previewPayload(m.value),
    });
    seen.add(position);
    return what;
  };

  const subscribe = consumer.subscribe.bind(consumer);
  consumer.subscribe = (s) =>
    'topics' in s
      ? subscribe({ ...s, topics: s.topics.map(prefixedTopic) })
      : subscribe({ ...s, topic: prefixedTopic(s.topic) });

  const run = consumer.run.bind(consumer);
  consumer.run = (config?: ConsumerRunConfig) =>
    run({ ...config, ...wrapHandlers(config, deliver) });

  for (const name of ['commitOffsets', 'seek', 'pause', 'resume'] as const) {
    const original = (consumer[name] as (arg: unknown) => unknown).bind(consumer);
    (consumer as Record<string, unknown>)[name] = (arg: unknown) =>
      original(
        Array.isArray(arg)
          ? arg.map((t: { topic: string }) => ({ ...t, topic: prefixed(t.topic) }))
          : { ...(arg as object), topic: prefixed((arg as { topic: string }).topic) },
      );
  }

  consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
    for (const { topic, partitions } of payload.topics) {
      for (const { partition, offset } of partitions) {
        emit({
          type: 'commit',
          subscription: `${group}/${unprefixed(topic)}`,
          destination: unprefixed(topic),
          partition: Number(partition),
          offset: String(offset),
        });
      }
    }
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
      emit({
        type: 'declare',
        kind: 'group',
        name: `${group}/${unprefixed(topic)}`,
        source: unprefixed(topic),
        detail: { rebalance: true, member: runConfig.script, partitions },
      });
    }
  });
  return consumer;
}

type Deliver = (topic: string, partition: number, m: KafkaMessage) => Record<string, unknown>;

function wrapHandlers(
  config: ConsumerRunConfig | undefined,
  deliver: Deliver,
): Partial<ConsumerRunConfig> {
  const out: Partial<ConsumerRunConfig> = {};
  const { eachMessage, eachBatch } = config ?? {};
  if (eachMessage) {
    out.eachMessage = async (payload: EachMessagePayload) => {
      const topic = unprefixed(payload.topic);
      const what = deliver(topic, payload.partition, payload.message);
      try {
        await eachMessage({ ...payload, topic });
      } catch (err) {
        emit({ type: 'requeue', ...what });
        throw err;
      }
      emit({ type: 'ack', ...what });
    };
  }
  if (eachBatch) {
    out.eachBatch = async (payload: EachBatchPayload) => {
      const topic = unprefixed(payload.batch.topic);
      const open = new Map(
        payload.batch.messages.map((m) => [m.offset, deliver(topic, payload.batch.partition, m)]),
      );
      const settle = (upTo: string) => {
        for (const [offset, what] of open) {
          if (BigInt(offset) > BigInt(upTo)) continue;
          emit({ type: 'ack', ...what });
          open.delete(offset);
        }
      };
      const batch = Object.assign(
        Object.create(Object.getPrototypeOf(payload.batch)),
        payload.batch,
        { topic },
      );
      await eachBatch({
        ...payload,
        batch,
        resolveOffset: (offset: string) => (settle(offset), payload.resolveOffset(offset)),
        // Explicit offsets name topics as the learner knows them; kafkajs knows the prefixed ones.
        commitOffsetsIfNecessary: (offsets?: Offsets) =>
          payload.commitOffsetsIfNecessary(offsets && renameTopics(offsets, prefixed)),
        uncommittedOffsets: () => renameTopics(payload.uncommittedOffsets(), unprefixed),
      });
      if (config?.eachBatchAutoResolve !== false) settle(payload.batch.lastOffset());
    };
  }
  return out;
}

function renameTopics<T extends { topics: { topic: string }[] }>(
  offsets: T,
  rename: (topic: string) => string,
): T {
  return { ...offsets, topics: offsets.topics.map((t) => ({ ...t, topic: rename(t.topic) })) };
}
