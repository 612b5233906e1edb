import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { management } from '../../server/brokers/rabbitmq/managementApi';
import { provisionRabbitRun } from '../../server/brokers/rabbitmq/provision';
import { DEFAULT_LIMITS } from '../../server/runner/limits';
import { CONSUMER, PRODUCER, ROUND_TRIP, SETUP } from './fixtures/rabbitmq';
import { lifeLines, ofType, output, runToEnd, processesOfRuns } from './helpers';

describe('RabbitMQ runs (real broker)', () => {
  it('traces every message of a keyed scenario with a requeue, a dead letter and an anomaly', async () => {
    const { events, end, run } = await runToEnd('rabbitmq', {
      'setup.ts': SETUP,
      'producer.ts': PRODUCER,
      'consumer.ts': CONSUMER,
    });
    assert.equal(end.reason, 'completed', end.message);
    const expected = [
      ...['eu', 'us'].flatMap((k) => [1, 2, 3].map((i) => `produce producer.ts ${k}#${i}`)),
      ...['eu', 'us'].flatMap((k) =>
        [1, 2, 3].map((i) => `deliver consumer.ts ${k}#${i} attempt=1`),
      ),
      'requeue consumer.ts eu#1',
      'deliver consumer.ts eu#1 attempt=2',
      ...['eu#1', 'eu#2', 'eu#3', 'us#1', 'us#3'].map((m) => `ack consumer.ts ${m}`),
      'nack consumer.ts us#2',
      'dead-letter us#2 rejected from=orders',
      'anomaly out-of-order eu expected=4 actual=1 cause=requeue',
    ].sort();
    assert.deepEqual(lifeLines(events), expected);

    const deadLetter = ofType(events, 'dead-letter')[0]!;
    assert.equal(deadLetter.observedBy, 'broker');
    assert.equal(deadLetter.destination, 'shop.dlx');
    assert.equal(deadLetter.script, '@broker');
    assert.match(output(events, 'producer.ts'), /published 6/);

    assert.deepEqual(end.counts.orders, {
      delivered: 7,
      redelivered: 1,
      requeued: 1,
      acked: 5,
      nacked: 1,
      deadLettered: 1,
      'deadLettered:rejected': 1,
      'out-of-order': 1,
    });
    assert.equal(end.counts.shop?.produced, 6);
    assert.deepEqual(end.brokerFigures['queue:orders'], { messages: 0, consumers: 0 });
    assert.deepEqual(end.brokerFigures['queue:orders.dlq'], { messages: 1, consumers: 0 });
    assert.ok(end.agreement.length >= 2);
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
    assert.ok(run.firstEventMs! < 1000, `first event after ${run.firstEventMs} ms`);

    const vhosts = await management<{ name: string }[]>('GET', '/vhosts?columns=name');
    assert.ok(!vhosts.some((v) => v.name === `mqlab-${run.id}`), 'the run vhost is deleted');
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('gives every run vhost both limits, however many runs start at once', async () => {
    // RabbitMQ keeps a vhost's limits as one value: two limits set at the same time can lose one.
    const sessions = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        provisionRabbitRun({
          runId: `limits${i}${Date.now().toString(36)}`,
          prefix: '',
          limits: { ...DEFAULT_LIMITS, connections: 7, entities: 13 },
        }),
      ),
    );
    try {
      const limits = await management<{ vhost: string; value: Record<string, number> }[]>(
        'GET',
        '/vhost-limits',
      );
      const ours = limits.filter((l) => l.vhost.includes('limits'));
      assert.equal(ours.length, 8);
      for (const l of ours)
        assert.deepEqual(l.value, { 'max-connections': 7, 'max-queues': 13 }, l.vhost);
    } finally {
      await Promise.all(sessions.map((s) => s.cleanup()));
    }
  });

  it('keeps two concurrent runs with the same queue names apart', async () => {
    const [a, b] = await Promise.all([
      runToEnd('rabbitmq', { 'main.ts': ROUND_TRIP('A') }),
      runToEnd('rabbitmq', { 'main.ts': ROUND_TRIP('B') }),
    ]);
    const seenA = JSON.parse(/SEEN (.*)/.exec(output(a.events, 'main.ts'))![1]!) as string[];
    const seenB = JSON.parse(/SEEN (.*)/.exec(output(b.events, 'main.ts'))![1]!) as string[];
    assert.equal(seenA.length, 20);
    assert.equal(seenB.length, 20);
    assert.ok(seenA.every((m) => m.startsWith('A-')));
    assert.ok(seenB.every((m) => m.startsWith('B-')));
  });
});
