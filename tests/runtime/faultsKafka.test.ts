import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceEventOf } from '../../server/protocol/trace';
import { MEMBER, ORDERS } from './fixtures/faultsKafka';
import { after, faultOf, metricsOf, runWithFaults } from './faultsRun';
import { ofType, output } from './helpers';

type Declare = TraceEventOf<'declare'>;
const assignment = (e: Declare) =>
  (e.detail as { partitions?: number[] } | undefined)?.partitions?.slice().sort() ?? [];

describe('faults on Kafka (real broker)', () => {
  it('a killed group member: after its session times out the group rebalances and its partitions move', async () => {
    const { events, end } = await runWithFaults(
      'kafka',
      { 'shop.ts': ORDERS(13), 'a.ts': MEMBER, 'b.ts': MEMBER },
      { seconds: 30, faults: ['5s:kill:a.ts'] },
    );
    assert.equal(end.reason, 'completed', end.message);
    const kill = faultOf(events, 'kill', 'a.ts');
    const joins = ofType(events, 'declare').filter((e) => e.kind === 'group');
    const before = joins.filter((e) => e.n < kill.n);
    const lastOfA = before.filter((e) => e.script === 'a.ts').at(-1);
    assert.ok(lastOfA && assignment(lastOfA).length === 1, 'a had one partition before the kill');
    const moved = assignment(lastOfA)[0]!;
    const rejoin = joins.find((e) => e.n > kill.n && e.script === 'b.ts');
    assert.ok(rejoin, 'b joined again after the kill: a rebalance');
    assert.deepEqual(assignment(rejoin), [0, 1], 'b now has both partitions');
    assert.ok(
      rejoin.ts - kill.ts > 3000,
      `the broker noticed the dead member only after its session timed out (${rejoin.ts - kill.ts} ms)`,
    );
    assert.ok(
      after(events, rejoin.n, 'deliver', 'b.ts').some((e) => e.partition === moved),
      `b reads partition ${moved}, which was a's`,
    );
    const members = metricsOf(events).map((m) => m.figures.broker['group:billing/orders']?.members);
    assert.ok(
      members.includes(2) && members.lastIndexOf(2) < members.lastIndexOf(1),
      'the group shrank',
    );
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
  });

  it('poison, duplicate, dropped connection and a slow member, each as Kafka really behaves', async () => {
    const { events, end } = await runWithFaults(
      'kafka',
      { 'shop.ts': ORDERS(5, 40), 'billing.ts': MEMBER },
      {
        seconds: 30,
        faults: [
          '1.8s:poison:orders',
          '2.2s:duplicate:orders',
          '2.6s:drop:billing.ts',
          '3.2s:slow:billing.ts',
          '4.6s:resume:billing.ts',
        ],
      },
    );
    assert.equal(end.reason, 'completed', end.message);
    const log = output(events, 'billing.ts');

    const poisonId = String(faultOf(events, 'poison', 'orders').detail?.msgId);
    const injected = ofType(events, 'produce').find((e) => e.msgId === poisonId)!;
    assert.equal(injected.script, '@run');
    assert.match(injected.key ?? '', /^k\d$/, 'keyed like the run’s own orders');
    assert.ok(ofType(events, 'deliver').some((e) => e.msgId === poisonId));
    assert.match(log, /poison skipped/);

    const copied = String(faultOf(events, 'duplicate', 'orders').detail?.msgId);
    const anomaly = ofType(events, 'anomaly').find(
      (e) => e.kind === 'duplicate' && e.msgId === copied,
    );
    assert.equal(anomaly?.cause, 'duplicate injected');
    const copies = ofType(events, 'deliver').filter((e) => e.msgId === copied);
    assert.equal(copies.length, 2);
    assert.equal(
      copies[1]!.partition,
      copies[0]!.partition,
      'the copy went where the original was',
    );
    assert.notEqual(copies[1]!.offset, copies[0]!.offset, 'a new record, not a re-read');

    const drop = faultOf(events, 'drop', 'billing.ts');
    assert.ok(Number(drop.detail?.connections) >= 1, 'billing had connections to drop');
    assert.match(log, /Connection error: read ECONNRESET/, 'kafkajs saw the connection reset');
    assert.ok(
      after(events, drop.n, 'ack', 'billing.ts').length > 10,
      'kafkajs recovered and consumes',
    );

    const slow = faultOf(events, 'slow', 'billing.ts');
    const resume = faultOf(events, 'resume', 'billing.ts');
    const lag = (from: number, to: number) =>
      Math.max(
        0,
        ...metricsOf(events)
          .filter((m) => m.ts > from && m.ts <= to)
          .map((m) => m.figures.broker['group:billing/orders']?.lag ?? 0),
      );
    assert.ok(lag(slow.ts + 500, resume.ts + 200) >= 5, 'the group lags while the member is slow');
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
  });
});
