import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverKafka } from '../../server/brokers/kafka/adminClient';
import { CONSUMER, PRODUCER, ROUND_TRIP } from './fixtures/kafka';
import { lifeLines, ofType, output, runToEnd, processesOfRuns } from './helpers';

async function runNames(runId: string): Promise<string[]> {
  const admin = serverKafka('mqlab-test').admin();
  await admin.connect();
  try {
    const names = [
      ...(await admin.listTopics()),
      ...(await admin.listGroups()).groups.map((g) => g.groupId),
    ];
    return names.filter((n) => n.startsWith(`mqlab-${runId}.`));
  } finally {
    await admin.disconnect();
  }
}

/** Resolves every offset of its batch but commits offset 3 itself, by topic name. */
const EXPLICIT_COMMIT = `
import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'books', brokers: ['localhost:9092'], logLevel: 1 });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'ledger', numPartitions: 1 }], waitForLeaders: true });
await admin.disconnect();
const producer = kafka.producer();
await producer.connect();
await producer.send({ topic: 'ledger', messages: [0, 1, 2, 3, 4].map((i) => ({ key: 'k', value: String(i) })) });
await producer.disconnect();
const consumer = kafka.consumer({ groupId: 'books', maxWaitTimeInMs: 100 });
await consumer.connect();
await consumer.subscribe({ topics: ['ledger'], fromBeginning: true });
let seen = 0;
await consumer.run({
  autoCommit: false,
  eachBatchAutoResolve: false,
  eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, uncommittedOffsets }) => {
    for (const m of batch.messages) { resolveOffset(m.offset); seen++; }
    console.log('uncommitted ' + JSON.stringify(uncommittedOffsets().topics.map((t) => t.topic)));
    await commitOffsetsIfNecessary({ topics: [{ topic: 'ledger', partitions: [{ partition: 0, offset: '3' }] }] });
    if (seen >= 5) setTimeout(() => consumer.disconnect().then(() => process.exit(0)), 100);
  },
});
`;

describe('Kafka runs (real broker)', () => {
  it('traces keyed messages, a retry by re-publishing (out of order), a dead letter and the commits', async () => {
    const { events, end, run } = await runToEnd(
      'kafka',
      { 'producer.ts': PRODUCER, 'consumer.ts': CONSUMER },
      { seconds: 40 },
    );
    assert.equal(end.reason, 'completed', end.message);
    const all = ['k1#1', 'k1#2', 'k1#3', 'k2#1', 'k2#2', 'k2#3'];
    const expected = [
      ...all.map((m) => `produce producer.ts ${m}`),
      'produce consumer.ts k1#1', // the retry, re-published with its headers: the same message
      'produce consumer.ts k2#2', // moved to orders.dlq
      ...all.map((m) => `deliver consumer.ts ${m} attempt=1`),
      'deliver consumer.ts k1#1 attempt=2',
      ...all.map((m) => `ack consumer.ts ${m}`),
      'ack consumer.ts k1#1',
      'dead-letter k2#2 invalid from=orders',
      'anomaly out-of-order k1 expected=4 actual=1 cause=retry',
    ].sort();
    assert.deepEqual(lifeLines(events), expected);
    assert.equal(ofType(events, 'dead-letter')[0]!.observedBy, 'broker');
    assert.ok(ofType(events, 'commit').length > 0);
    assert.ok(
      ofType(events, 'deliver').every(
        (e) => e.subscription === 'billing/orders' && e.partition !== undefined,
      ),
    );
    assert.match(output(events, 'producer.ts'), /sent 6/);

    assert.equal(end.brokerFigures['topic:orders']?.messages, 7);
    assert.equal(end.brokerFigures['topic:orders.dlq']?.messages, 1);
    assert.deepEqual(end.brokerFigures['group:billing/orders'], { committed: 7, lag: 0 });
    assert.equal(end.agreement.length, 4); // two topics; the group's committed offsets and lag
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
    assert.deepEqual(await runNames(run.id), []);
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('eachBatch: explicit offsets and uncommittedOffsets() use the learner’s topic names', async () => {
    const { events, end } = await runToEnd(
      'kafka',
      { 'main.ts': EXPLICIT_COMMIT },
      { seconds: 40 },
    );
    assert.equal(end.reason, 'completed', end.message);
    assert.match(output(events, 'main.ts'), /uncommitted \["ledger"\]/);
    assert.equal(end.brokerFigures['group:books/ledger']?.committed, 3, 'the explicit offset');
  });

  it('keeps two concurrent runs with the same topic and group names apart', async () => {
    const [a, b] = await Promise.all([
      runToEnd('kafka', { 'main.ts': ROUND_TRIP('A') }, { seconds: 40 }),
      runToEnd('kafka', { 'main.ts': ROUND_TRIP('B') }, { seconds: 40 }),
    ]);
    const seen = (r: typeof a) =>
      JSON.parse(/SEEN (.*)/.exec(output(r.events, 'main.ts'))![1]!) as string[];
    assert.equal(seen(a).length, 20);
    assert.ok(seen(a).every((m) => m.startsWith('A-')));
    assert.equal(seen(b).length, 20);
    assert.ok(seen(b).every((m) => m.startsWith('B-')));
  });
});
