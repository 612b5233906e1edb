import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceEvent } from '../../server/protocol/trace';
import { BILLING, PUBLISHER, WORKER } from './fixtures/faultsNsq';
import { ackedCount, after, faultOf, metricsOf, runWithFaults, brokerSettled } from './faultsRun';
import { ofType, output } from './helpers';

/** nsqd's last figures, read after the last delivery, show nothing left in the channel. */
const drained = (events: TraceEvent[], channel: string) =>
  brokerSettled(events, channel, ['depth', 'inFlight']);

describe('faults on NSQ (real broker)', () => {
  it('a killed reader: its in-flight messages time out in nsqd and are delivered again', async () => {
    const { events, end } = await runWithFaults(
      'nsq',
      { 'jobs.ts': PUBLISHER('jobs', 20, 0), 'worker-a.ts': WORKER, 'worker-b.ts': WORKER },
      {
        faults: ['1s:kill:worker-a.ts'],
        // Stopped once nsqd has every FIN too: an ack the script traced may still be on its way.
        until: (events) => ackedCount(events) === 20 && drained(events, 'channel:jobs/workers'),
      },
    );
    assert.equal(end.reason, 'stopped', end.message);
    const kill = faultOf(events, 'kill', 'worker-a.ts');
    const finishedBefore = new Set(
      ofType(events, 'ack')
        .filter((e) => e.n < kill.n)
        .map((e) => e.msgId),
    );
    const held = ofType(events, 'deliver').filter(
      (e) => e.script === 'worker-a.ts' && !finishedBefore.has(e.msgId),
    );
    assert.ok(held.length > 0, 'worker-a had messages in flight when it was killed');
    for (const lost of held) {
      const again = after(events, kill.n, 'deliver').find((e) => e.msgId === lost.msgId);
      assert.ok(again, `${lost.msgId} came back`);
      assert.equal(again.script, 'worker-b.ts');
      assert.equal(again.redelivered, true, 'nsqd counts the attempt');
      // msg_timeout is 1 s; nsqd's scan workers pick up a new channel within 5 s (queue-scan-refresh-interval).
      assert.ok(again.ts - lost.ts >= 1000, 'only after the message timeout');
    }
    assert.equal(
      end.brokerFigures['channel:jobs/workers']?.timedOut,
      held.length,
      'nsqd counted each as timed out',
    );
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
  });

  it('poison, duplicate, dropped connection and a slow reader, each as NSQ really behaves', async () => {
    const { events, end } = await runWithFaults(
      'nsq',
      { 'shop.ts': PUBLISHER('orders', 100, 40), 'billing.ts': BILLING },
      {
        faults: [
          '0.8s:poison:orders',
          '1.2s:duplicate:orders',
          // Frozen, billing has the next order in its socket buffer: nsqd has it in flight.
          '1.5s:pause:billing.ts',
          '1.7s:drop:billing.ts',
          '1.8s:resume:billing.ts',
          '2.6s:slow:billing.ts',
          '4s:resume:billing.ts',
        ],
        // 100 orders and the poison (the copy has an original's msgId), and nsqd has none left.
        until: (events) => ackedCount(events) === 101 && drained(events, 'channel:orders/billing'),
      },
    );
    assert.equal(end.reason, 'stopped', end.message);
    const log = output(events, 'billing.ts');

    const poisonId = String(faultOf(events, 'poison', 'orders').detail?.msgId);
    assert.equal(ofType(events, 'produce').find((e) => e.msgId === poisonId)?.script, '@run');
    assert.ok(ofType(events, 'deliver').some((e) => e.msgId === poisonId));
    assert.match(log, /poison skipped/);

    const copied = String(faultOf(events, 'duplicate', 'orders').detail?.msgId);
    const anomaly = ofType(events, 'anomaly').find(
      (e) => e.kind === 'duplicate' && e.msgId === copied,
    );
    assert.equal(anomaly?.cause, 'duplicate injected');

    const drop = faultOf(events, 'drop', 'billing.ts');
    assert.equal(drop.detail?.connections, 1);
    assert.match(log, /connection lost/);
    assert.ok(after(events, drop.n, 'ack', 'billing.ts').length > 10, 'nsqjs connected again');
    // Frozen, billing had an order in flight: it times out in nsqd and comes back. If billing
    // read it from its socket buffer after the thaw and finished it, the FIN went to a dead
    // connection: nsqd delivers it again all the same (an at-least-once duplicate).
    assert.ok(after(events, drop.n, 'deliver').some((e) => e.redelivered));
    assert.ok((end.brokerFigures['channel:orders/billing']?.timedOut ?? 0) >= 1);
    const lostFinishes = ofType(events, 'anomaly').filter(
      (e) => e.kind === 'duplicate' && e.cause === 'redelivered after it was acknowledged',
    ).length;
    assert.ok(lostFinishes <= 1);

    const slow = faultOf(events, 'slow', 'billing.ts');
    const resume = faultOf(events, 'resume', 'billing.ts', slow.n);
    const depth = Math.max(
      0,
      ...metricsOf(events)
        .filter((m) => m.ts > slow.ts && m.ts <= resume.ts + 1000)
        .map((m) => m.figures.broker['channel:orders/billing']?.depth ?? 0),
    );
    assert.ok(depth >= 5, `the channel backs up while the reader is slow (depth ${depth})`);
    for (const row of end.agreement) {
      if (row.figure === 'remaining') {
        // The trace counted the finish that never reached nsqd; run-end says so.
        assert.equal(row.trace, row.broker - lostFinishes, JSON.stringify(row));
        assert.equal(row.agrees, lostFinishes === 0);
      } else assert.ok(row.agrees, JSON.stringify(row));
    }
  });
});
