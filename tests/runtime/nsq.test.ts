import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nsqdTopics } from '../../server/brokers/nsq/nsqdHttp';
import { CONSUMER, PRODUCER, ROUND_TRIP } from './fixtures/nsq';
import { lifeLines, ofType, output, runToEnd, processesOfRuns } from './helpers';

describe('NSQ runs (real broker)', () => {
  it('traces requeues (out of order), a discard after maxAttempts and the dead-letter topic', async () => {
    const { events, end, run } = await runToEnd('nsq', {
      'producer.ts': PRODUCER,
      'consumer.ts': CONSUMER,
    });
    assert.equal(end.reason, 'completed', end.message);
    const expected = [
      'produce producer.ts control#1',
      'deliver consumer.ts control#1 attempt=1',
      'ack consumer.ts control#1',
      ...[1, 2, 3].map((n) => `produce producer.ts orders#${n}`),
      'deliver consumer.ts orders#1 attempt=1',
      'requeue consumer.ts orders#1',
      'deliver consumer.ts orders#2 attempt=1',
      'requeue consumer.ts orders#2',
      'deliver consumer.ts orders#3 attempt=1',
      'ack consumer.ts orders#3',
      'deliver consumer.ts orders#1 attempt=2',
      'ack consumer.ts orders#1',
      'deliver consumer.ts orders#2 attempt=2',
      'requeue consumer.ts orders#2',
      'deliver consumer.ts orders#2 attempt=3',
      'dead-letter orders#2 max-attempts from=orders', // nsqjs' discard, reported by the client
      'produce consumer.ts orders#2', // re-published to orders.dlq by the discard handler
      'dead-letter orders#2 moved to the dead-letter topic from=orders', // read from orders.dlq by the server
      'anomaly out-of-order orders expected=4 actual=1 cause=requeue',
      'anomaly out-of-order orders expected=4 actual=2 cause=requeue',
    ].sort();
    assert.deepEqual(lifeLines(events), expected);
    assert.deepEqual(
      ofType(events, 'dead-letter')
        .map((e) => e.observedBy)
        .sort(),
      ['broker', 'client'],
    );
    assert.match(output(events, 'consumer.ts'), /discarded 2 after 3 attempts/);
    assert.equal(end.counts.orders?.deadLettered, 1);

    assert.deepEqual(end.brokerFigures['channel:orders/billing'], {
      messages: 3,
      depth: 0,
      inFlight: 0,
      deferred: 0,
      requeued: 3,
      timedOut: 0,
    });
    assert.equal(end.brokerFigures['topic:orders.dlq']?.messages, 1);
    assert.ok(end.agreement.length >= 5);
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
    assert.deepEqual(await nsqdTopics(`mqlab-${run.id}.`), []);
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('keeps two concurrent runs with the same topic names apart', async () => {
    const [a, b] = await Promise.all([
      runToEnd('nsq', { 'main.ts': ROUND_TRIP('A') }),
      runToEnd('nsq', { 'main.ts': ROUND_TRIP('B') }),
    ]);
    const seen = (r: typeof a) =>
      JSON.parse(/SEEN (.*)/.exec(output(r.events, 'main.ts'))![1]!) as string[];
    assert.equal(seen(a).length, 20);
    assert.ok(seen(a).every((m) => m.startsWith('A-')));
    assert.equal(seen(b).length, 20);
    assert.ok(seen(b).every((m) => m.startsWith('B-')));
  });
});
