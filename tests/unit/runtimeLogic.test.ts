import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messagesIntoQueues } from '../../server/brokers/rabbitmq/routeMessages';
import { unwrapBody, wrapBody } from '../../server/brokers/nsq/instrument/envelope';
import { DEAD_LETTER_NAME, originOfDeadLetters } from '../../server/runner/inside/deadLetterNames';
import { LineSplitter } from '../../server/runner/lineSplitter';
import { cleanLine } from '../../server/runner/outputCapture';
import type { Run } from '../../server/runner/run';
import { RunScheduler } from '../../server/runner/runScheduler';
import type { TraceEvent } from '../../server/protocol/trace';

describe('console output', () => {
  it('splits lines, cuts long ones and skips their rest', () => {
    const lines = new LineSplitter(5);
    assert.deepEqual(lines.push(Buffer.from('ab\ncdefghij\nk')), [
      { line: 'ab', truncated: false },
      { line: 'cdefg', truncated: true },
    ]);
    assert.deepEqual(lines.flush(), [{ line: 'k', truncated: false }]);
  });

  it('removes ANSI escapes and control characters, keeps text as text', () => {
    assert.equal(cleanLine('\x1b[31;1mred\x1b[0m\x07 <b>x</b>\x1b]0;title\x07\r'), 'red <b>x</b>');
  });
});

describe('dead-letter names', () => {
  it('recognises the usual conventions', () => {
    for (const name of [
      'orders.dlq',
      'orders-dlq',
      'orders:dead-letter',
      'orders_dead',
      'dlq',
      'Orders.DLQ',
    ])
      assert.ok(DEAD_LETTER_NAME.test(name), name);
    for (const name of ['orders', 'dlq-reader', 'deadline'])
      assert.ok(!DEAD_LETTER_NAME.test(name), name);
    assert.equal(originOfDeadLetters('orders.dlq'), 'orders');
  });
});

describe('NSQ envelope', () => {
  it('round-trips the stamp and leaves foreign bodies alone', () => {
    const body = new TextEncoder().encode('{"n":1}');
    const { stamp, body: back } = unwrapBody(
      wrapBody({ id: 'p:1', seq: 1, producer: 'p.ts' }, body),
    );
    assert.deepEqual(stamp, { id: 'p:1', seq: 1, producer: 'p.ts' });
    assert.equal(new TextDecoder().decode(back), '{"n":1}');
    assert.equal(unwrapBody(body).stamp, undefined);
  });
});

describe('RabbitMQ routing of traced messages', () => {
  const bindings = [
    {
      source: 'shop',
      destination: 'orders',
      destination_type: 'queue' as const,
      routing_key: 'eu.*',
    },
    { source: 'dlx', destination: 'fan', destination_type: 'exchange' as const, routing_key: '' },
    { source: 'fan', destination: 'dead', destination_type: 'queue' as const, routing_key: '' },
  ];
  const types = new Map([
    ['shop', 'topic'],
    ['dlx', 'direct'],
    ['fan', 'fanout'],
  ]);
  const ev = (x: Record<string, unknown>) => x as unknown as TraceEvent;
  it('follows topic patterns, exchange-to-exchange bindings and the default exchange', () => {
    const entered = messagesIntoQueues(
      [
        ev({ type: 'produce', exchange: 'shop', key: 'eu.paid' }),
        ev({ type: 'produce', exchange: 'shop', key: 'us.paid' }),
        ev({ type: 'produce', exchange: '', key: 'direct-q' }),
        ev({ type: 'dead-letter', observedBy: 'broker', destination: 'dlx', key: '' }),
      ],
      bindings,
      types,
    );
    assert.deepEqual(Object.fromEntries(entered!), { orders: 1, 'direct-q': 1, dead: 1 });
  });
});

describe('RunScheduler', () => {
  function fakeRun() {
    let end!: () => void;
    const done = new Promise<void>((r) => (end = r));
    return { run: { done } as unknown as Run, end };
  }

  it('runs, queues, refuses, and starts the queued one when a slot frees', async () => {
    const scheduler = new RunScheduler({
      maxRunning: 2,
      maxQueued: 1,
      perClientRunning: 1,
      perClientQueued: 1,
    });
    const a = fakeRun();
    const first = scheduler.submit('alice', async () => a.run);
    assert.equal(first.state, 'running');
    const second = scheduler.submit('alice', async () => fakeRun().run);
    assert.equal(second.state, 'queued');
    assert.equal(scheduler.submit('alice', async () => fakeRun().run).state, 'refused');
    assert.equal(scheduler.submit('bob', async () => fakeRun().run).state, 'running');
    const carol = scheduler.submit('carol', async () => fakeRun().run);
    assert.equal(carol.state, 'refused', 'the shared queue is full');
    await (first as { run: Promise<Run> }).run;
    a.end();
    await (second as { run: Promise<Run> }).run; // alice's queued run starts once her first ends
    assert.deepEqual(scheduler.stats, { running: 2, queued: 0 });
  });
});
