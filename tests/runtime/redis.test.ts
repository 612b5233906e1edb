import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redisAdmin, scanKeys } from '../../server/brokers/redis/adminClient';
import { CONSUMER_A, CONSUMER_B, PRODUCER, ROUND_TRIP } from './fixtures/redis';
import { lifeLines, ofType, output, runToEnd, processesOfRuns } from './helpers';

describe('Redis Streams runs (real broker)', () => {
  it('traces a consumer group with a crashed consumer, a claim, a dead letter and an anomaly', async () => {
    const { events, end, run } = await runToEnd('redis', {
      'producer.ts': PRODUCER,
      'a.ts': CONSUMER_A,
      'b.ts': CONSUMER_B,
    });
    assert.equal(end.reason, 'completed', end.message);
    const all = ['k1#1', 'k1#2', 'k1#3', 'k2#1', 'k2#2', 'k2#3'];
    const expected = [
      ...all.map((m) => `produce producer.ts ${m}`),
      ...all.map((m) => `deliver a.ts ${m} attempt=1`),
      ...all.filter((m) => m !== 'k1#1').map((m) => `ack a.ts ${m}`),
      'deliver b.ts k1#1 attempt=2',
      'produce b.ts k1#1', // moved to orders.dlq with its fields: the same message
      'ack b.ts k1#1',
      'dead-letter k1#1 max-deliveries from=orders',
      'anomaly out-of-order k1 expected=4 actual=1 cause=claimed pending entry',
    ].sort();
    assert.deepEqual(lifeLines(events), expected);
    const claim = ofType(events, 'claim')[0]!;
    assert.equal(claim.toConsumer, 'b');
    assert.equal(claim.subscription, 'orders/workers');
    const deadLetter = ofType(events, 'dead-letter')[0]!;
    assert.equal(deadLetter.observedBy, 'broker');
    assert.equal(deadLetter.destination, 'orders.dlq');
    assert.equal(deadLetter.attempts, 2);
    assert.match(output(events, 'a.ts'), /stream orders entries 6/); // the learner sees its own stream name

    assert.deepEqual(end.brokerFigures, {
      'stream:orders': { length: 6 },
      'stream:orders.dlq': { length: 1 },
      'group:orders/workers': { pending: 0, consumers: 2 },
    });
    assert.equal(end.agreement.length, 3);
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));

    const admin = redisAdmin();
    try {
      assert.deepEqual(await scanKeys(admin, `mqlab-${run.id}.*`), []);
      assert.ok(!((await admin.call('ACL', 'USERS')) as string[]).includes(`mqlab-${run.id}`));
    } finally {
      admin.disconnect();
    }
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('keeps two concurrent runs with the same stream names apart', async () => {
    const [a, b] = await Promise.all([
      runToEnd('redis', { 'main.ts': ROUND_TRIP('A') }),
      runToEnd('redis', { 'main.ts': ROUND_TRIP('B') }),
    ]);
    const seen = (r: typeof a) =>
      JSON.parse(/SEEN (.*)/.exec(output(r.events, 'main.ts'))![1]!) as string[];
    assert.equal(seen(a).length, 20);
    assert.ok(seen(a).every((m) => m.startsWith('A-')));
    assert.equal(seen(b).length, 20);
    assert.ok(seen(b).every((m) => m.startsWith('B-')));
  });
});
