import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareKafkaFigures } from '../../server/brokers/kafka/inspect';
import { metricsFiguresSchema, type TraceEvent } from '../../server/protocol/trace';
import { percentiles } from '../../server/runner/metrics/percentiles';
import { TraceWindow } from '../../server/runner/metrics/traceWindow';

let n = 0;
const ev = (e: Record<string, unknown>) =>
  ({ n: ++n, runId: 'r', broker: 'rabbitmq', script: 'c.ts', ...e }) as TraceEvent;

describe('metrics', () => {
  it('percentiles by nearest rank', () => {
    assert.equal(percentiles([]), undefined);
    assert.deepEqual(percentiles([5]), { samples: 1, p50: 5, p95: 5, p99: 5, max: 5 });
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.deepEqual(percentiles(hundred), { samples: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('rates per destination per second and produce → first delivery latency over the interval', () => {
    const window = new TraceWindow(0);
    const m = { destination: 'orders', subscription: 'q' };
    window.add(ev({ type: 'produce', ts: 100, msgId: 'a', ...m, payload: '', size: 0 }));
    window.add(ev({ type: 'produce', ts: 200, msgId: 'b', ...m, payload: '', size: 0 }));
    window.add(
      ev({
        type: 'deliver',
        ts: 130,
        msgId: 'a',
        ...m,
        redelivered: false,
        attempt: 1,
        payload: '',
      }),
    );
    window.add(
      ev({
        type: 'deliver',
        ts: 260,
        msgId: 'b',
        ...m,
        redelivered: false,
        attempt: 1,
        payload: '',
      }),
    );
    window.add(
      ev({
        type: 'deliver',
        ts: 900,
        msgId: 'a',
        ...m,
        redelivered: true,
        attempt: 2,
        payload: '',
      }),
    );
    window.add(ev({ type: 'ack', ts: 950, msgId: 'a', ...m }));
    const first = window.take(500);
    assert.deepEqual(first, {
      intervalMs: 500,
      rates: { orders: { published: 4, delivered: 6, acked: 2 } },
      latencyMs: { samples: 2, p50: 30, p95: 60, p99: 60, max: 60 },
    });
    assert.ok(metricsFiguresSchema.safeParse({ ...first, broker: {} }).success);
    assert.deepEqual(window.take(1500), { intervalMs: 1000, rates: {} });
  });

  it('run-end compares a Kafka group’s lag: produced − committed', () => {
    const commit = (partition: number, offset: string) =>
      ev({
        type: 'commit',
        ts: 1,
        subscription: 'g/orders',
        destination: 'orders',
        partition,
        offset,
      });
    const rows = compareKafkaFigures(
      { orders: { produced: 10 } },
      { 'topic:orders': { messages: 10 }, 'group:g/orders': { committed: 7, lag: 3 } },
      [commit(0, '2'), commit(0, '4'), commit(1, '3')],
    );
    assert.deepEqual(
      rows.map((r) => [r.figure, r.trace, r.broker, r.agrees]),
      [
        ['messages', 10, 10, true],
        ['committed', 7, 7, true],
        ['lag', 3, 3, true],
      ],
    );
  });
});
