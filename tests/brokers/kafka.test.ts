import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type KafkaMessage,
  type SASLOptions,
} from 'kafkajs';
import { KAFKA } from '../../server/brokers/endpoints';
import { serverKafkaSasl } from '../../server/brokers/kafka/adminClient';
import {
  grantRunAcls,
  kafkaRunCredentials,
  revokeRunAcls,
  runIdsWithAcls,
} from '../../server/brokers/kafka/runAcls';
import { requireBroker, uniqueName, within } from './helpers';

describe('Kafka (real broker)', () => {
  const kafka = new Kafka({
    clientId: 'mqlab-tests',
    brokers: [...KAFKA.brokers],
    sasl: serverKafkaSasl(),
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

describe('Kafka accounts: SASL/PLAIN and per-run ACLs (real broker)', () => {
  const runId = randomBytes(4).toString('hex');
  const otherRunId = randomBytes(4).toString('hex');
  const prefix = `mqlab-${runId}.`;
  const server = client(serverKafkaSasl());
  let admin: Admin;

  before(async () => {
    await requireBroker('kafka');
    admin = server.admin();
    await admin.connect();
    await grantRunAcls(admin, runId, prefix);
  });

  after(async () => {
    await revokeRunAcls(admin, runId);
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics });
    await admin.deleteGroups([`${prefix}g`]).catch(() => {});
    await admin.disconnect();
  });

  it("accepts a run's account with the password Node derives (the broker's Java check agrees)", async () => {
    const producer = client(kafkaRunCredentials(runId)).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      // Auto-created on first use, under the run's own prefix.
      await producer.send({ topic: `${prefix}orders`, messages: [{ value: 'mine' }] });
    } finally {
      await producer.disconnect();
    }
    const run = client(kafkaRunCredentials(runId));
    const [message] = await consume(run, `${prefix}orders`, 1, [], `${prefix}g`);
    assert.equal(message?.value?.toString(), 'mine');
  });

  it('refuses no credentials, guessed passwords, unknown users and another run’s password', async () => {
    await assert.rejects(connectAdmin(client(undefined)), /Closed connection|Connection/);
    const refused = /SASL PLAIN authentication failed/;
    const wrong = (username: string, password: string) =>
      connectAdmin(client({ mechanism: 'plain', username, password }));
    await assert.rejects(wrong('mqlab', 'guess'), refused);
    await assert.rejects(wrong('admin', serverKafkaSasl().password), refused);
    await assert.rejects(wrong(`run-${runId}`, 'guess'), refused);
    await assert.rejects(wrong(`run-${runId}`, kafkaRunCredentials(otherRunId).password), refused);
  });

  it('gives a run nothing outside its prefix, and nothing at all without ACLs', async () => {
    const outside = uniqueName('topic');
    await admin.createTopics({ topics: [{ topic: outside }], waitForLeaders: true });
    try {
      const run = client(kafkaRunCredentials(runId)).admin();
      await run.connect();
      try {
        assert.ok(!(await run.listTopics()).includes(outside), 'another topic is not even listed');
        await assert.rejects(
          run.fetchTopicMetadata({ topics: [outside] }),
          /TOPIC_AUTHORIZATION_FAILED|Not authorized/,
        );
        await assert.rejects(run.deleteTopics({ topics: [outside] }), /Not authorized/);
      } finally {
        await run.disconnect();
      }
      const stranger = client(kafkaRunCredentials(otherRunId)).producer();
      await stranger.connect();
      try {
        await assert.rejects(
          stranger.send({ topic: `mqlab-${otherRunId}.x`, messages: [{ value: 'x' }] }),
          /Not authorized/,
        );
      } finally {
        await stranger.disconnect();
      }
    } finally {
      await admin.deleteTopics({ topics: [outside] });
    }
  });

  it('lists the runs that have ACLs, and revokes them all', async () => {
    const lone = randomBytes(4).toString('hex');
    await grantRunAcls(admin, lone, `mqlab-${lone}.`);
    assert.ok((await runIdsWithAcls(admin)).includes(lone));
    await revokeRunAcls(admin, lone);
    assert.ok(!(await runIdsWithAcls(admin)).includes(lone));
  });
});

/** Few retries: a refusal is final, and an auto-created topic needs only a moment. */
function client(sasl: SASLOptions | undefined): Kafka {
  return new Kafka({
    clientId: 'mqlab-tests',
    brokers: [...KAFKA.brokers],
    sasl,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });
}

async function connectAdmin(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

/** Reads `count` messages from the start of `topic` in a fresh group, then leaves the group. */
async function consume(
  kafka: Kafka,
  topic: string,
  count: number,
  groups: string[],
  groupId?: string,
): Promise<KafkaMessage[]> {
  return (await consumeAndCommit(kafka, topic, count, groups, groupId)).messages;
}

async function consumeAndCommit(
  kafka: Kafka,
  topic: string,
  count: number,
  groups: string[],
  groupId = uniqueName('group'),
) {
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
