import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BILLING, JOBS, SHOP, WORKER } from './fixtures/faultsRabbitmq';
import { after, faultOf, metricsOf, runWithFaults } from './faultsRun';
import { ofType, output, processesOfRuns } from './helpers';

describe('faults on RabbitMQ (real broker)', () => {
  it('a killed consumer: its unacknowledged messages come back redelivered; restarted, it consumes again', async () => {
    const { events, end, run } = await runWithFaults(
      'rabbitmq',
      { 'jobs.ts': JOBS, 'worker-a.ts': WORKER, 'worker-b.ts': WORKER },
      { faults: ['1s:kill:worker-a.ts', '2s:restart:worker-a.ts'] },
    );
    assert.equal(end.reason, 'completed', end.message);
    const kill = faultOf(events, 'kill', 'worker-a.ts');
    const delivered = ofType(events, 'deliver');
    const acked = new Set(ofType(events, 'ack').map((e) => e.msgId));
    const held = delivered.filter(
      (e) =>
        e.script === 'worker-a.ts' &&
        e.n < kill.n &&
        !ofType(events, 'ack').some((a) => a.msgId === e.msgId && a.n < kill.n),
    );
    assert.ok(held.length > 0, 'worker-a held unacknowledged jobs when it was killed');
    for (const lost of held) {
      const again = delivered.find((e) => e.msgId === lost.msgId && e.n > kill.n);
      assert.ok(again, `${lost.msgId} came back`);
      assert.equal(again.redelivered, true, `${lost.msgId} is flagged redelivered by the broker`);
      assert.equal(again.attempt, 2);
    }
    assert.equal(acked.size, 20, 'every job is done once the dust settles');
    assert.deepEqual(
      ofType(events, 'exit')
        .filter((e) => e.script === 'worker-a.ts')
        .map((e) => e.reason),
      ['killed', 'exited'],
    );
    const restart = faultOf(events, 'restart', 'worker-a.ts');
    assert.ok(
      after(events, restart.n, 'ack', 'worker-a.ts').length > 0,
      'the restarted worker-a works again',
    );
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('poison, duplicate, dropped connection and a slow consumer, each as RabbitMQ really behaves', async () => {
    const { events, end } = await runWithFaults(
      'rabbitmq',
      { 'shop.ts': SHOP, 'billing.ts': BILLING },
      {
        faults: [
          '0.8s:poison:shop',
          '1.2s:duplicate:shop',
          '1.6s:drop:billing.ts',
          '2.2s:slow:billing.ts',
          '3.6s:resume:billing.ts',
        ],
      },
    );
    assert.equal(end.reason, 'completed', end.message);
    const log = output(events, 'billing.ts');

    // Poison: stamped and traced like the run's own messages, rejected by the consumer.
    const poison = faultOf(events, 'poison', 'shop');
    const poisonId = String(poison.detail?.msgId);
    const injected = ofType(events, 'produce').find((e) => e.msgId === poisonId)!;
    assert.equal(injected.script, '@run');
    assert.equal(injected.exchange, 'shop');
    assert.equal(injected.key, 'eu');
    assert.ok(
      ofType(events, 'deliver').some((e) => e.msgId === poisonId && e.script === 'billing.ts'),
    );
    assert.ok(ofType(events, 'nack').some((e) => e.msgId === poisonId));
    assert.match(log, /poison rejected/);

    // Duplicate: the same msgId delivered again; the anomaly names the injection.
    const dup = faultOf(events, 'duplicate', 'shop');
    const copied = String(dup.detail?.msgId);
    assert.match(copied, /^shop:\d+$/);
    const anomaly = ofType(events, 'anomaly').find(
      (e) => e.kind === 'duplicate' && e.msgId === copied,
    );
    assert.ok(anomaly, 'the duplicate delivery is an anomaly');
    assert.equal(anomaly.cause, 'duplicate injected');

    // Drop: the broker force-closed the connection (or, not yet listed by the management API,
    // it was reset); the consumer saw it and reconnected.
    const drop = faultOf(events, 'drop', 'billing.ts');
    assert.equal(drop.detail?.connections, 1);
    assert.match(log, /connection lost: .*(320 \(CONNECTION-FORCED\)|ECONNRESET|EPIPE)/);
    assert.ok(after(events, drop.n, 'ack', 'billing.ts').length > 10, 'consuming again after it');

    // Slow: deliveries fall behind the publishes; the queue grows; it catches up on resume.
    const slow = faultOf(events, 'slow', 'billing.ts');
    const resume = faultOf(events, 'resume', 'billing.ts');
    const inWindow = (type: 'produce' | 'deliver') =>
      ofType(events, type).filter(
        (e) => e.ts > slow.ts + 300 && e.ts < resume.ts && e.script !== '@run',
      ).length;
    assert.ok(
      inWindow('deliver') < inWindow('produce') * 0.6,
      `slowed: ${inWindow('deliver')} delivered while ${inWindow('produce')} were published`,
    );
    const depth = (from: number, to: number) =>
      Math.max(
        0,
        ...metricsOf(events)
          .filter((m) => m.ts > from && m.ts <= to)
          .map((m) => m.figures.broker['queue:orders']?.messages ?? 0),
      );
    assert.ok(depth(slow.ts + 500, resume.ts + 200) >= 5, 'the queue grows while it is slow');
    assert.ok(after(events, resume.n, 'ack', 'billing.ts').length > 5, 'it catches up');

    // An ack written while the broker was closing the connection never reached it: that order
    // came back and was acked again. The trace counted both acks; run-end says so.
    const lostAcks = ofType(events, 'anomaly').filter(
      (e) => e.kind === 'duplicate' && e.cause === 'redelivered after it was acknowledged',
    ).length;
    assert.ok(lostAcks <= 1);
    for (const row of end.agreement) {
      if (row.entity === 'queue:orders') {
        assert.equal(row.trace, row.broker - lostAcks, JSON.stringify(row));
        assert.equal(row.agrees, lostAcks === 0);
      } else assert.ok(row.agrees, JSON.stringify(row));
    }
    assert.equal(end.counts.shop?.produced, 102, '100 orders, the poison and the copy');
  });
});
