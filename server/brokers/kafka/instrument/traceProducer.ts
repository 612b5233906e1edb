import type { Message, Producer, ProducerBatch, ProducerRecord, Transaction } from 'kafkajs';
import { byteLength, previewPayload } from '../../../runner/inside/payload.ts';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { STAMP, nextStamp, readStamp } from '../../../runner/inside/stamps.ts';
import { emit } from '../../../runner/inside/traceWriter.ts';
import { prefixed } from './topicNames.ts';

const seenTopics = new Set<string>();

/**
 * Stamps and traces every message a producer sends, in or outside a transaction; topics and
 * the group of transactional offsets go under the run's prefix (the broker's ACLs allow the
 * run nothing else; the transactional id is prefixed where the producer is made).
 */
export function traceProducer(producer: Producer): Producer {
  traceSends(producer);
  const transaction = producer.transaction.bind(producer);
  producer.transaction = async () => traceTransaction(await transaction());
  return producer;
}

function traceTransaction(transaction: Transaction): Transaction {
  traceSends(transaction);
  const sendOffsets = transaction.sendOffsets.bind(transaction);
  transaction.sendOffsets = (offsets) =>
    sendOffsets({
      ...offsets,
      consumerGroupId: prefixed(offsets.consumerGroupId),
      topics: offsets.topics.map((t) => ({ ...t, topic: prefixed(t.topic) })),
    });
  return transaction;
}

function traceSends(producer: Pick<Producer, 'send' | 'sendBatch'>): void {
  const send = producer.send.bind(producer);
  const sendBatch = producer.sendBatch.bind(producer);
  producer.send = (record: ProducerRecord) =>
    send({
      ...record,
      topic: prefixed(record.topic),
      messages: record.messages.map((m) => stamp(record.topic, m)),
    });
  producer.sendBatch = (batch: ProducerBatch) =>
    sendBatch({
      ...batch,
      topicMessages: (batch.topicMessages ?? []).map((tm) => ({
        ...tm,
        topic: prefixed(tm.topic),
        messages: tm.messages.map((m) => stamp(tm.topic, m)),
      })),
    });
}

function stamp(topic: string, message: Message): Message {
  if (byteLength(message.value) > runConfig.limits.messageBytes) {
    throw new RangeError(
      `MQ Lab limits messages to ${runConfig.limits.messageBytes} bytes in the playground`,
    );
  }
  if (!seenTopics.has(topic)) {
    seenTopics.add(topic);
    emit({ type: 'declare', kind: 'topic', name: topic });
  }
  const key = message.key === null || message.key === undefined ? undefined : String(message.key);
  const headers = { ...(message.headers ?? {}) } as Record<string, unknown>;
  const prior = readStamp(headers);
  const s =
    prior.msgId && prior.seq
      ? { msgId: prior.msgId, seq: prior.seq, producer: prior.producer ?? runConfig.script }
      : nextStamp(topic, key);
  emit({
    type: 'produce',
    ...s,
    destination: topic,
    ...(key !== undefined ? { key } : {}),
    ...(message.partition !== undefined ? { partition: message.partition } : {}),
    payload: previewPayload(message.value),
    size: byteLength(message.value),
    ...(prior.msgId ? { republished: true } : {}),
  });
  return {
    ...message,
    headers: {
      ...message.headers,
      [STAMP.id]: s.msgId,
      [STAMP.seq]: String(s.seq),
      [STAMP.producer]: s.producer,
    },
  };
}
