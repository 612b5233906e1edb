import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceEvent } from '../../server/protocol/trace';
import { ingestFrame } from '../../server/trace/ingestFrame';
import { ReorderBuffer } from '../../server/trace/reorderBuffer';
import { TraceCounts } from '../../server/trace/traceCounts';
import { TraceStream } from '../../server/trace/traceStream';

const who = { runId: 'r1', broker: 'rabbitmq' as const, script: 'consumer.ts' };

describe('ingestFrame (frames from an untrusted script)', () => {
  it('accepts a valid frame and stamps the run, broker and script itself', () => {
    const frame = JSON.stringify({
      ts: 5,
      type: 'ack',
      msgId: 'p:1',
      destination: 'q',
      subscription: 'q',
      runId: 'forged',
      script: 'other.ts',
    });
    const result = ingestFrame(frame, who);
    assert.equal(result.kind, 'event');
    assert.deepEqual(result.kind === 'event' && result.draft, {
      ts: 5,
      type: 'ack',
      msgId: 'p:1',
      destination: 'q',
      subscription: 'q',
      script: 'consumer.ts',
    });
  });

  it('rejects what a script may not say or says wrong', () => {
    for (const frame of [
      'not json',
      '[]',
      '{"type":"anomaly"}',
      '{"type":"run-end"}',
      '{"type":"log","text":"x"}',
      '{"type":"ack"}',
      '{"type":"produce","msgId":1}',
    ]) {
      assert.equal(ingestFrame(frame, who).kind, 'invalid', frame);
    }
  });

  it('never lets a script claim a dead letter was seen on the broker', () => {
    const frame = JSON.stringify({
      type: 'dead-letter',
      msgId: 'm',
      destination: 'd',
      reason: 'r',
      originalDestination: 'o',
      observedBy: 'broker',
      payload: '',
    });
    const result = ingestFrame(frame, who);
    assert.equal(
      result.kind === 'event' && result.draft.type === 'dead-letter' && result.draft.observedBy,
      'client',
    );
  });

  it('drops unknown fields and reports readiness', () => {
    const result = ingestFrame(
      JSON.stringify({
        type: 'ack',
        msgId: 'm',
        destination: 'q',
        subscription: 'q',
        extra: 'x'.repeat(10),
      }),
      who,
    );
    assert.ok(result.kind === 'event' && !('extra' in result.draft));
    assert.deepEqual(ingestFrame('{"type":"ready","ts":7}', who), { kind: 'ready', ts: 7 });
  });
});

describe('TraceStream', () => {
  it('numbers events and replays them to late iterators until closed', async () => {
    const stream = new TraceStream('r1', 'redis');
    stream.push({ type: 'log', ts: 1, script: 'a.ts', stream: 'stdout', text: 'one' });
    const seen: number[] = [];
    const done = (async () => {
      for await (const e of stream) seen.push(e.n);
    })();
    stream.push({ type: 'log', ts: 2, script: 'a.ts', stream: 'stdout', text: 'two' });
    stream.close();
    await done;
    assert.deepEqual(seen, [1, 2]);
    assert.equal(
      stream.push({ type: 'log', ts: 3, script: 'a.ts', stream: 'stdout', text: 'late' }),
      undefined,
    );
  });
});

describe('ReorderBuffer', () => {
  it('releases events in timestamp order after the window', async () => {
    const out: number[] = [];
    const buffer = new ReorderBuffer(30, (e) => out.push(e.ts));
    const now = Date.now();
    buffer.add({ n: 1, ts: now + 2 } as TraceEvent);
    buffer.add({ n: 2, ts: now + 1 } as TraceEvent);
    assert.deepEqual(out, []);
    await new Promise((r) => setTimeout(r, 80));
    assert.deepEqual(out, [now + 1, now + 2]);
    buffer.add({ n: 3, ts: now + 3 } as TraceEvent);
    buffer.flush();
    assert.deepEqual(out.length, 3);
  });
});

describe('TraceCounts', () => {
  it('counts per destination and subscription, and a dead letter once per message', () => {
    const counts = new TraceCounts();
    const e = (x: Record<string, unknown>) =>
      counts.add({
        n: 1,
        ts: 1,
        runId: 'r',
        broker: 'nsq',
        script: 's',
        msgId: 'm',
        destination: 'q',
        ...x,
      } as TraceEvent);
    e({ type: 'produce' });
    e({ type: 'deliver', subscription: 'q/c', attempt: 1 });
    e({ type: 'deliver', subscription: 'q/c', attempt: 2 });
    e({
      type: 'dead-letter',
      reason: 'max-attempts',
      originalDestination: 'q',
      observedBy: 'client',
    });
    e({ type: 'dead-letter', reason: 'moved', originalDestination: 'q', observedBy: 'broker' });
    assert.deepEqual(counts.counts['q/c'], { delivered: 2, redelivered: 1 });
    assert.deepEqual(counts.counts.q, {
      produced: 1,
      'deadLettered:max-attempts': 1,
      deadLettered: 1,
    });
  });
});
