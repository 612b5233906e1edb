import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceEvent } from '../../server/protocol/trace';
import { OrderingAnomalyDetector } from '../../server/trace/detectOrderingAnomalies';
import { MessageHistory } from '../../server/trace/messageHistory';

/** A tiny trace builder: p(seq) produces, d(seq) delivers, a(seq) acks… on key k of queue q. */
function scenario() {
  const history = new MessageHistory();
  const detector = new OrderingAnomalyDetector(history);
  let n = 0;
  const base = (type: string, seq: number, extra: Record<string, unknown> = {}) =>
    ({
      n: ++n,
      ts: n,
      runId: 'r',
      broker: 'rabbitmq',
      script: 'consumer.ts',
      type,
      msgId: `p:${seq}`,
      destination: 'q',
      key: 'k',
      seq,
      producer: 'producer.ts',
      subscription: 'q',
      ...extra,
    }) as unknown as TraceEvent;
  const feed = (event: TraceEvent) => {
    const added = history.record(event as TraceEvent & Record<string, unknown>);
    const full = { ...event, ...added } as TraceEvent;
    return detector
      .observe(full)
      .map((a) => `${a.kind} expected=${a.expectedSeq} actual=${a.actualSeq} cause=${a.cause}`);
  };
  return {
    produce: (seq: number, extra?: Record<string, unknown>) =>
      feed(base('produce', seq, { script: 'producer.ts', payload: '', size: 0, ...extra })),
    deliver: (seq: number, extra?: Record<string, unknown>) =>
      feed(base('deliver', seq, { redelivered: false, attempt: 1, payload: '', ...extra })),
    ack: (seq: number) => feed(base('ack', seq)),
    requeue: (seq: number) => feed(base('requeue', seq)),
    nack: (seq: number) => feed(base('nack', seq, { requeue: false })),
    claim: (seq: number) => feed(base('claim', seq, { offset: '1-0', toConsumer: 'b' })),
    rebalance: () =>
      feed(
        base('declare', 0, {
          kind: 'group',
          name: 'q',
          detail: { rebalance: true },
          msgId: undefined,
          seq: undefined,
        }),
      ),
    injectDuplicate: (seq: number) =>
      feed(
        base('fault', 0, {
          kind: 'duplicate',
          detail: { msgId: `p:${seq}` },
          msgId: undefined,
          seq: undefined,
        }),
      ),
  };
}

describe('detectOrderingAnomalies', () => {
  it('finds nothing in order', () => {
    const s = scenario();
    for (const seq of [1, 2, 3]) {
      s.produce(seq);
      assert.deepEqual(s.deliver(seq), []);
      s.ack(seq);
    }
  });

  it('reports a requeued message that comes back late as out-of-order, once', () => {
    const s = scenario();
    [1, 2, 3].forEach((seq) => s.produce(seq));
    s.deliver(1);
    s.requeue(1);
    s.deliver(2);
    s.deliver(3);
    assert.deepEqual(s.deliver(1), ['out-of-order expected=4 actual=1 cause=requeue']);
    s.requeue(1);
    assert.deepEqual(s.deliver(1), [], 'the same late message is not reported twice');
  });

  it('does not flag an immediate redelivery of an unacknowledged message', () => {
    const s = scenario();
    s.produce(1);
    s.deliver(1);
    s.requeue(1);
    assert.deepEqual(s.deliver(1, { redelivered: true }), []);
  });

  it('reports a gap and then the late arrival', () => {
    const s = scenario();
    [1, 2, 3].forEach((seq) => s.produce(seq));
    s.deliver(1);
    assert.deepEqual(s.deliver(3), ['gap expected=2 actual=3 cause=not delivered here (yet)']);
    assert.deepEqual(s.deliver(2), ['out-of-order expected=4 actual=2 cause=several in flight']);
  });

  it('reports a delivery after the ack as a duplicate, with the cause when known', () => {
    const s = scenario();
    s.produce(1);
    s.deliver(1);
    s.ack(1);
    assert.deepEqual(s.deliver(1), [
      'duplicate expected=2 actual=1 cause=redelivered after it was acknowledged',
    ]);
    const r = scenario();
    r.produce(1);
    r.deliver(1);
    r.ack(1);
    r.rebalance();
    assert.deepEqual(r.deliver(1), ['duplicate expected=2 actual=1 cause=rebalance']);
    const f = scenario();
    f.produce(1);
    f.deliver(1);
    f.ack(1);
    f.injectDuplicate(1);
    assert.deepEqual(f.deliver(1), ['duplicate expected=2 actual=1 cause=duplicate injected']);
  });

  it('names claims and retries', () => {
    const s = scenario();
    [1, 2].forEach((seq) => s.produce(seq));
    s.deliver(1);
    s.deliver(2);
    s.ack(2);
    s.claim(1);
    assert.deepEqual(s.deliver(1, { script: 'b.ts' }), [
      'out-of-order expected=3 actual=1 cause=claimed pending entry',
    ]);

    const r = scenario();
    [1, 2].forEach((seq) => r.produce(seq));
    r.deliver(1);
    r.ack(1);
    r.produce(1, { republished: true }); // acked, then re-published as a retry
    r.deliver(2);
    assert.deepEqual(r.deliver(1), ['out-of-order expected=3 actual=1 cause=retry']);
  });

  it('keeps keys, producers and subscriptions apart', () => {
    const s = scenario();
    s.deliver(2, { key: 'a' });
    s.deliver(1, { key: 'b', msgId: 'x:1' });
    assert.deepEqual(s.deliver(1, { key: 'a', msgId: 'y:1', producer: 'other.ts' }), []);
    assert.deepEqual(s.deliver(1, { key: 'a', msgId: 'z:1', subscription: 'other-queue' }), []);
  });

  it('ignores keyless messages for order but still sees duplicates', () => {
    const s = scenario();
    s.deliver(2, { key: undefined, msgId: 'p:2' });
    assert.deepEqual(s.deliver(1, { key: undefined, msgId: 'p:1' }), []);
    s.ack(1);
    assert.equal(s.deliver(1, { key: undefined, msgId: 'p:1' })[0]?.startsWith('duplicate'), true);
  });
});
