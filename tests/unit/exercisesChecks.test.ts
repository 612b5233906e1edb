import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scriptsFinishCheck } from '../../server/exercises/builtinChecks';
import type { ExerciseCheck } from '../../server/exercises/checkTypes';
import { checks as manualAck } from '../../exercises/01-rabbitmq-manual-ack/checks';
import { checks as retryDlq } from '../../exercises/03-rabbitmq-retry-dlq/checks';
import { checks as kafkaOrdering } from '../../exercises/06-kafka-ordering-rebalance/checks';
import { checks as outbox } from '../../exercises/12-transactional-outbox/checks';
import { checks as monitoring } from '../../exercises/13-monitoring-alerts/checks';
import { TraceBuilder } from './exerciseTraces';

const byId = (checks: ExerciseCheck[], id: string) => checks.find((c) => c.id === id)!;

describe('scripts-finish', () => {
  it('fails a script still running at the time limit, naming it', () => {
    const t = new TraceBuilder();
    t.exit('producer.ts', 500);
    t.exit('consumer.ts', 10_000, 'time-limit', null);
    t.end(10_100, 'time-limit');
    const verdict = scriptsFinishCheck.check(t.evidence(['producer.ts', 'consumer.ts'], []));
    assert.equal(verdict.passed, false);
    assert.match(verdict.message.en, /consumer\.ts was still running at the limit/);
  });
  it('fails a crash with its message and line', () => {
    const t = new TraceBuilder();
    t.push(
      {
        type: 'error',
        script: 'consumer.ts',
        message: 'TypeError: x is undefined',
        line: 12,
        column: 5,
        fatal: true,
      },
      800,
    );
    t.exit('consumer.ts', 810, 'exited', 1);
    t.end(900);
    const verdict = scriptsFinishCheck.check(t.evidence(['consumer.ts'], []));
    assert.match(
      verdict.message.en,
      /consumer\.ts crashed at \+0\.80 s: TypeError: x is undefined \(consumer\.ts:12:5\)/,
    );
  });
  it('accepts a script the fault schedule restarted', () => {
    const t = new TraceBuilder();
    t.push({ type: 'fault', script: '@run', kind: 'restart', target: 'worker.ts' }, 2000);
    t.exit('worker.ts', 2010, 'restarted', null);
    t.exit('worker.ts', 5000);
    t.end(5100);
    assert.equal(scriptsFinishCheck.check(t.evidence(['worker.ts'], [])).passed, true);
  });
});

describe('manual ack: acked-after-packing', () => {
  it('fails an ack that comes before the parcel is reported packed', () => {
    const t = new TraceBuilder();
    const id = t.deliver('worker.ts', 'orders', { orderId: 'order-1' }, 100);
    t.ack('worker.ts', 'orders', id, 101);
    t.produce('worker.ts', 'packed', { orderId: 'order-1' }, 250);
    const verdict = byId(manualAck, 'acked-after-packing').check(
      t.evidence(['worker.ts'], ['shop.ts']),
    );
    assert.equal(verdict.passed, false);
    assert.match(verdict.message.en, /order-1 was acknowledged at \+0\.10 s, before it was packed/);
  });
});

describe('retries: backoff-between-attempts', () => {
  const attempts = (times: number[]) => {
    const t = new TraceBuilder();
    for (const ms of times) t.deliver('payments.ts', 'payments', { paymentId: 'pay-5' }, ms);
    return byId(retryDlq, 'backoff-between-attempts').check(
      t.evidence(['payments.ts'], ['checkout.ts']),
    );
  };
  it('passes growing waits', () => assert.equal(attempts([0, 260, 770, 1780]).passed, true));
  it('fails immediate redelivery, naming the attempt', () => {
    const verdict = attempts([0, 5, 9, 14]);
    assert.match(verdict.message.en, /pay-5: attempt 2 came 5 ms after attempt 1/);
  });
  it('fails waits that do not grow', () =>
    assert.equal(attempts([0, 300, 600, 900]).passed, false));
});

describe('monitoring: alerts judged against the backlog rebuilt from the trace', () => {
  /** 60 orders published at 1 s, delivered from 5 s: above 40 from 1 s to ~5.2 s. */
  function scenario(alerts: [number, string][]) {
    const t = new TraceBuilder();
    for (let i = 0; i < 60; i++) t.produce('shop.ts', 'orders', { orderId: `o-${i}` }, 1000);
    for (let i = 0; i < 60; i++)
      t.deliver('fulfilment.ts', 'orders', { orderId: `o-${i}` }, 5000 + i * 10);
    for (const [ms, state] of alerts) t.produce('monitor.ts', 'alerts', { state, depth: 50 }, ms);
    return t.evidence(['monitor.ts'], ['shop.ts', 'fulfilment.ts']);
  }
  it('passes one firing after 1.5 s and a resolve once drained', () => {
    const e = scenario([
      [2600, 'firing'],
      [5400, 'resolved'],
    ]);
    for (const id of [
      'alert-fires-in-time',
      'ignores-short-spikes',
      'once-per-cooldown',
      'clears-when-drained',
    ]) {
      assert.equal(byId(monitoring, id).check(e).passed, true, id);
    }
  });
  it('fails an alert fired before the duration, and a second one in the cooldown', () => {
    const e = scenario([
      [1100, 'firing'],
      [2600, 'firing'],
    ]);
    assert.match(
      byId(monitoring, 'ignores-short-spikes').check(e).message.en,
      /fired at \+1\.10 s/,
    );
    assert.match(
      byId(monitoring, 'once-per-cooldown').check(e).message.en,
      /the second at \+2\.60 s/,
    );
  });
});

describe('outbox: judged against the tables the run left behind', () => {
  const tables = (orders: string[], shipments: string[]) => ({
    orders: orders.map((id) => ({ id, created_at: new Date(1_800_000_000_000 + 500) })),
    shipments: shipments.map((order_id) => ({ order_id })),
  });
  it('fails an event whose order never committed, naming the customer', () => {
    const t = new TraceBuilder();
    t.produce('app.ts', 'order-events', { orderId: 'o-3', customerId: 'c-404' }, 800);
    const e = t.evidence(
      ['app.ts', 'relay.ts', 'shipping.ts'],
      ['checkout.ts', 'ops.ts'],
      tables(['o-1'], ['o-1']),
    );
    assert.match(
      byId(outbox, 'no-event-without-order').check(e).message.en,
      /Order o-3: .*\(customer c-404 does not exist\)/,
    );
  });
  it('fails a committed order whose event never reached the broker, and a double shipment', () => {
    const t = new TraceBuilder();
    t.deliver('ops.ts', 'audit', { orderId: 'o-1' }, 600);
    const e = t.evidence(['app.ts'], ['ops.ts'], tables(['o-1', 'o-2'], ['o-1', 'o-1']));
    assert.match(
      byId(outbox, 'no-order-without-event').check(e).message.en,
      /Order o-2 was committed at \+0\.50 s/,
    );
    assert.match(
      byId(outbox, 'no-duplicate-shipments').check(e).message.en,
      /Order o-1 was shipped 2 times/,
    );
  });
});

describe('kafka ordering: per-account-order', () => {
  const booked = (seqs: [string, number][]) => {
    const t = new TraceBuilder('kafka');
    seqs.forEach(([script, n], i) =>
      t.produce(script, 'ledger-entries', { account: 'acct-1', n }, 100 + i * 10),
    );
    return byId(kafkaOrdering, 'per-account-order').check(
      t.evidence(['ledger.ts', 'bank.ts'], ['ledger-2.ts']),
    );
  };
  it('accepts an in-order ledger and an immediate repeat at a hand-over', () => {
    assert.equal(
      booked([
        ['ledger.ts', 1],
        ['ledger.ts', 2],
        ['ledger-2.ts', 2],
        ['ledger-2.ts', 3],
      ]).passed,
      true,
    );
  });
  it('fails a booking that goes back after another owner re-read the partition', () => {
    const verdict = booked([
      ['ledger.ts', 1],
      ['ledger.ts', 2],
      ['ledger.ts', 3],
      ['ledger-2.ts', 1],
    ]);
    assert.match(verdict.message.en, /acct-1: ledger-2\.ts booked event 1 .* right after event 3/);
  });
});
