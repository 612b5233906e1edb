import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type KafkaMessage,
} from 'kafkajs';
import { KAFKA } from '../../server/brokers/endpoints';
import { requireBroker, uniqueName, within } from './helpers';

describe('Kafka (real broker)', () => {
  const kafka = new Kafka({
    clientId: 'mqlab-tests',
    brokers: [...KAFKA.brokers],
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  let admin: Admin;
  const topics: string[] = [];
  const groups: string[] = [];

  before(async () => {
    await requireBroker('kafka');
    admin = kafka.admin();
    await admin.connect();
    await producer.connect();
  });

  after(async () => {
    await producer.disconnect();
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => {});
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
  });

  async function createTopic(numPartitions: number): Promise<string> {
    const topic = uniqueName('topic');
    topics.push(topic);
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    return topic;
  }

  it('delivers a produced message to a consumer', async () => {
    const topic = await createTopic(1);
    await producer.send({ topic, messages: [{ value: 'hello' }] });
    const [message] = await consume(kafka, topic, 1, groups);
    assert.equal(message?.value?.toString(), 'hello');
  });

  it('puts messages with the same key in the same partition, in order', async () => {
    const topic = await createTopic(3);
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    assert.equal(metadata?.partitions.length, 3);
    const sent = [];
    for (const value of ['created', 'paid', 'shipped']) {
      const [meta] = await producer.send({ topic, messages: [{ key: 'order-42', value }] });
      sent.push(meta!);
    }
    assert.equal(new Set(sent.map((m) => m.partition)).size, 1, 'one partition for one key');
    const offsets = sent.map((m) => Number(m.baseOffset));
    assert.deepEqual(
      offsets,
      [...offsets].sort((a, b) => a - b),
      'offsets grow in send order',
    );

    const received = await consume(kafka, topic, 3, groups);
    assert.deepEqual(
      received.map((m) => m.value?.toString()),
      ['created', 'paid', 'shipped'],
    );
  });

  it('commits a consumer group offset that admin.fetchOffsets reads back', async () => {
    const topic = await createTopic(1);
    await producer.send({ topic, messages: [{ value: 'one' }, { value: 'two' }] });
    const groupId = (await consumeAndCommit(kafka, topic, 2, groups)).groupId;

    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    assert.deepEqual(offsets?.partitions, [{ partition: 0, offset: '2', metadata: null }]);
  });
});

/** Reads `count` messages from the start of `topic` in a fresh group, then leaves the group. */
async function consume(
  kafka: Kafka,
  topic: string,
  count: number,
  groups: string[],
): Promise<KafkaMessage[]> {
  return (await consumeAndCommit(kafka, topic, count, groups)).messages;
}

async function consumeAndCommit(kafka: Kafka, topic: string, count: number, groups: string[]) {
  const groupId = uniqueName('group');
  groups.push(groupId);
  const consumer: Consumer = kafka.consumer({ groupId });
  const messages: KafkaMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await within(
      20_000,
      `${count} messages from ${topic}`,
      new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              messages.push(message);
              // The committed offset is the next one to read, hence +1.
              const next = String(Number(message.offset) + 1);
              await consumer.commitOffsets([{ topic, partition, offset: next }]);
              if (messages.length === count) resolve();
            },
          })
          .catch(reject);
      }),
    );
  } finally {
    await consumer.disconnect();
  }
  return { groupId, messages };
}
