import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceEvent } from '../../server/protocol/trace';
import { BILLING, WORKER, XADDER } from './fixtures/faultsRedis';
import { ackedCount, after, faultOf, metricsOf, runWithFaults, brokerSettled } from './faultsRun';
import { ofType, output } from './helpers';

const settled = (events: TraceEvent[], group: string) => brokerSettled(events, group, ['pending']);

describe('faults on Redis Streams (real broker)', () => {
  it('a dead consumer: its entries stay pending, idle, until another consumer claims them', async () => {
    const { events, end } = await runWithFaults(
      'redis',
      { 'jobs.ts': XADDER('jobs', 20, 0), 'a.ts': WORKER('a', false), 'b.ts': WORKER('b', true) },
      {
        faults: ['1s:kill:a.ts'],
        until: (events) => ackedCount(events) === 20 && settled(events, 'group:jobs/workers'),
      },
    );
    assert.equal(end.reason, 'stopped', end.message);
    const kill = faultOf(events, 'kill', 'a.ts');
    const ackedBefore = new Set(
      after(events, 0, 'ack')
        .filter((e) => e.n < kill.n)
        .map((e) => e.msgId),
    );
    const held = ofType(events, 'deliver').filter(
      (e) => e.script === 'a.ts' && e.n < kill.n && !ackedBefore.has(e.msgId),
    );
    assert.ok(held.length > 0, 'a had entries pending when it died');
    const claims = after(events, kill.n, 'claim');
    const firstClaim = claims[0]!;
    assert.ok(firstClaim, 'b claimed them');

    // Until the claim, Redis keeps them pending on the dead consumer, idle and growing older.
    // (Entries Redis handed to a in a reply a never read before it died are pending too: the
    // trace cannot know them, Redis does — and b claims them all the same.)
    const waiting = metricsOf(events).filter((m) => m.n > kill.n && m.n < firstClaim.n);
    assert.ok(waiting.length > 0, 'a metrics sample while they waited');
    const pending = waiting.map((m) => m.figures.broker['consumer:jobs/workers/a']?.pending ?? 0);
    assert.ok(pending[0]! >= held.length, `pending on a: ${pending[0]}`);
    assert.ok(
      pending.every((p) => p === pending[0]),
      'nothing moves them before the claim',
    );
    assert.ok(claims.length >= pending[0]!, 'all of them are claimed');
    assert.ok(
      Math.max(...waiting.map((m) => m.figures.broker['consumer:jobs/workers/a']!.idleMs!)) >= 500,
      'a is idle in Redis: nobody reads as a any more',
    );

    for (const lost of held) {
      const claim = claims.find((c) => c.msgId === lost.msgId);
      assert.ok(claim, `${lost.msgId} was claimed`);
      assert.equal(claim.toConsumer, 'b');
      assert.ok(
        claim.ts - lost.ts >= 1500,
        'only once it was idle for 1.5 s (XAUTOCLAIM min-idle)',
      );
      const again = after(events, claim.n - 1, 'deliver', 'b.ts').find(
        (e) => e.msgId === lost.msgId,
      );
      assert.equal(again?.redelivered, true);
      assert.ok(after(events, claim.n, 'ack', 'b.ts').some((e) => e.msgId === lost.msgId));
    }
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
  });

  it('poison, duplicate, dropped connection and a slow consumer, each as Redis really behaves', async () => {
    const { events, end } = await runWithFaults(
      'redis',
      { 'shop.ts': XADDER('orders', 100, 40), 'billing.ts': BILLING },
      {
        faults: [
          '0.8s:poison:orders',
          '1.2s:duplicate:orders',
          '1.6s:drop:billing.ts',
          '2.4s:slow:billing.ts',
          '3.8s:resume:billing.ts',
        ],
        until: (events) => ackedCount(events) === 101 && settled(events, 'group:orders/billing'),
      },
    );
    assert.equal(end.reason, 'stopped', end.message);
    const log = output(events, 'billing.ts');

    const poisonId = String(faultOf(events, 'poison', 'orders').detail?.msgId);
    const poison = ofType(events, 'produce').find((e) => e.msgId === poisonId)!;
    assert.equal(poison.script, '@run');
    assert.deepEqual(
      Object.keys(JSON.parse(poison.payload)),
      ['key', 'data'],
      'shaped like the orders',
    );
    assert.match(log, /poison skipped/);

    const copied = String(faultOf(events, 'duplicate', 'orders').detail?.msgId);
    const anomaly = ofType(events, 'anomaly').find(
      (e) => e.kind === 'duplicate' && e.msgId === copied,
    );
    assert.equal(anomaly?.cause, 'duplicate injected');
    const copies = ofType(events, 'deliver').filter((e) => e.msgId === copied);
    assert.notEqual(copies[1]?.offset, copies[0]?.offset, 'a new entry with the same stamp');

    const drop = faultOf(events, 'drop', 'billing.ts');
    assert.equal(drop.detail?.connections, 1);
    assert.match(log, /connection lost/);
    assert.ok(after(events, drop.n, 'ack', 'billing.ts').length > 10, 'ioredis reconnected');

    const slow = faultOf(events, 'slow', 'billing.ts');
    const resume = faultOf(events, 'resume', 'billing.ts', slow.n);
    const lag = Math.max(
      0,
      ...metricsOf(events)
        .filter((m) => m.ts > slow.ts && m.ts <= resume.ts + 1000)
        .map((m) => m.figures.broker['group:orders/billing']?.lag ?? 0),
    );
    assert.ok(lag >= 5, `the group falls behind the stream while billing is slow (lag ${lag})`);
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
  });
});
