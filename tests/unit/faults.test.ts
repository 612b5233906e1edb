import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { redeliveriesAfterTimeout } from '../../server/brokers/nsq/inspect';
import { runFaultRequestSchema } from '../../server/protocol/run';
import type { TraceEvent } from '../../server/protocol/trace';
import { parseFault } from '../../server/runner/faults/faultSpec';
import {
  FaultRefused,
  POISON_BODY,
  duplicateMessage,
  poisonMessage,
  replayMessage,
} from '../../server/runner/faults/injectedMessages';
import { SlowDown } from '../../server/runner/faults/slowDown';
import { connectionsOfUid } from '../../server/runner/faults/tcpConnections';

let n = 0;
const ev = (e: Record<string, unknown>) =>
  ({ n: ++n, ts: n, runId: 'r', broker: 'kafka', script: 'c.ts', ...e }) as TraceEvent;
const produce = (msgId: string, extra: Record<string, unknown> = {}) =>
  ev({
    type: 'produce',
    script: 'p.ts',
    msgId,
    destination: 'orders',
    seq: 1,
    producer: 'p.ts',
    payload: 'hi',
    size: 2,
    ...extra,
  });
const deliver = (msgId: string, extra: Record<string, unknown> = {}) =>
  ev({
    type: 'deliver',
    msgId,
    destination: 'orders',
    subscription: 'g/orders',
    seq: 1,
    producer: 'p.ts',
    redelivered: false,
    attempt: 1,
    payload: 'hi',
    ...extra,
  });
const ack = (msgId: string) =>
  ev({ type: 'ack', msgId, destination: 'orders', subscription: 'g/orders' });
const requeue = (msgId: string) =>
  ev({ type: 'requeue', msgId, destination: 'orders', subscription: 'g/orders' });

describe('fault grammar', () => {
  it('reads <at>:<kind>:<target> and refuses what is not a fault', () => {
    assert.deepEqual(parseFault('3s:kill:consumer.ts'), {
      text: '3s:kill:consumer.ts',
      atMs: 3000,
      kind: 'kill',
      target: 'consumer.ts',
    });
    assert.equal(parseFault('250ms:drop:a.ts').atMs, 250);
    assert.equal(parseFault('1.5s:poison:orders.eu').target, 'orders.eu');
    assert.throws(() => parseFault('3:kill:a.ts'), /is not <at>:<kind>:<target>/);
    assert.throws(() => parseFault('3s:constructor:a.ts'), /unknown kind "constructor"/);
  });

  it('validates socket requests at the edge', () => {
    assert.ok(
      runFaultRequestSchema.safeParse({ runId: 'ab', kind: 'slow', target: 'c.ts', factor: 5 })
        .success,
    );
    for (const bad of [
      {},
      { runId: 'ab', kind: 'explode', target: 'c.ts' },
      { runId: 'ab', kind: 'kill', target: '' },
      { runId: 'ab', kind: 'slow', target: 'c.ts', factor: 1 },
      { runId: 'ab', kind: 'poison', target: 'q', payload: 'x'.repeat(5000) },
    ])
      assert.ok(!runFaultRequestSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60));
  });
});

describe('injected messages look like the run’s own', () => {
  it('a poison message takes the key and partition of the last message to the destination', () => {
    const events = [
      produce('p:1', { key: 'k1' }),
      deliver('p:1', { key: 'k1', partition: 1 }),
      produce('p:2', { key: 'k2' }),
    ];
    const message = poisonMessage(events, 'kafka', 'orders', { msgId: '@run:1', seq: () => 1 });
    assert.deepEqual(message, {
      msgId: '@run:1',
      seq: 1,
      producer: '@run',
      destination: 'orders',
      body: POISON_BODY,
      key: 'k2',
    });
    assert.equal(
      poisonMessage(events.slice(0, 2), 'kafka', 'orders', { msgId: '@run:2', seq: () => 1 })
        .partition,
      1,
    );
  });

  it('RabbitMQ: same exchange and routing key; a declared queue alone goes through the default exchange', () => {
    const published = [produce('p:1', { exchange: 'shop', key: 'eu', destination: 'shop' })];
    const viaExchange = poisonMessage(published, 'rabbitmq', 'shop', { msgId: 'x', seq: () => 1 });
    assert.equal(viaExchange.exchange, 'shop');
    assert.equal(viaExchange.key, 'eu');
    const declared = [ev({ type: 'declare', kind: 'queue', name: 'jobs' })];
    const direct = poisonMessage(declared, 'rabbitmq', 'jobs', { msgId: 'x', seq: () => 1 });
    assert.equal(direct.exchange, '');
    assert.equal(direct.key, 'jobs');
    assert.throws(
      () => poisonMessage(declared, 'rabbitmq', 'nope', { msgId: 'x', seq: () => 1 }),
      FaultRefused,
    );
  });

  it('Redis: the fields of the run’s entries, each poisoned, the key kept', () => {
    const events = [
      produce('p:1', { key: 'k1', payload: JSON.stringify({ key: 'k1', data: '{"i":1}' }) }),
    ];
    const message = poisonMessage(events, 'redis', 'orders', { msgId: 'x', seq: () => 1 });
    assert.deepEqual(message.fields, { key: 'k1', data: POISON_BODY });
  });

  it('a duplicate copies the last acknowledged delivery, stamp and all', () => {
    const events = [
      produce('p:1', { key: 'k', seq: 4, payload: 'one' }),
      deliver('p:1', { key: 'k', seq: 4, partition: 0, offset: '7' }),
      ack('p:1'),
      produce('p:2', { key: 'k', seq: 5 }),
      deliver('p:2', { key: 'k', seq: 5 }), // not acknowledged yet: not a candidate
    ];
    assert.deepEqual(duplicateMessage(events, 'kafka', 'orders'), {
      msgId: 'p:1',
      seq: 4,
      producer: 'p.ts',
      destination: 'orders',
      key: 'k',
      partition: 0,
      body: 'one',
    });
    assert.equal(duplicateMessage(events, 'kafka', 'g/orders', 'p:1').msgId, 'p:1');
    assert.throws(() => duplicateMessage(events, 'kafka', 'orders', 'p:2'), FaultRefused);
    assert.throws(() => duplicateMessage([], 'kafka', 'orders'), /no message from "orders"/);
  });
});

describe('NSQ timeouts seen in the trace', () => {
  it('counts redeliveries no requeue explains', () => {
    const events = [
      deliver('a'),
      deliver('a', { redelivered: true, attempt: 2 }), // timed out in flight
      deliver('b'),
      requeue('b'),
      deliver('b', { redelivered: true, attempt: 2 }), // requeued: not a timeout
      deliver('c'),
      ack('c'),
      deliver('c', { redelivered: true, attempt: 2 }), // FIN lost with the connection
      deliver('d', { redelivered: true }), // lost unread in a dropped connection
    ];
    assert.deepEqual(redeliveriesAfterTimeout(events), new Map([['g/orders', 3]]));
  });
});

describe('slow-down cycle', () => {
  it('runs the script 1/factor of each period and thaws it when stopped', async () => {
    const calls: boolean[] = [];
    const slow = new SlowDown((frozen) => (calls.push(frozen), true), 4, 40);
    slow.start();
    await new Promise((r) => setTimeout(r, 130));
    slow.stop();
    assert.deepEqual(calls.slice(0, 6), [false, true, false, true, false, true]);
    assert.equal(calls.at(-1), false, 'thawed at the end');
    const settled = calls.length;
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(calls.length, settled, 'no freeze after stop');
  });
});

describe('a uid’s TCP connections, from the kernel', () => {
  it('finds this process’s own connection to a local server by its port', async () => {
    const server = net.createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    const client = net.connect(port, '127.0.0.1');
    await new Promise((r) => client.once('connect', r));
    try {
      const mine = connectionsOfUid(process.getuid!(), [port]);
      assert.deepEqual(mine, [client.localPort]);
      assert.deepEqual(connectionsOfUid(process.getuid!() + 12345, [port]), []);
    } finally {
      client.destroy();
      server.close();
    }
  });
});

describe('replaying a dead letter', () => {
  const dead = (msgId: string) =>
    ev({
      type: 'dead-letter',
      script: '@broker',
      msgId,
      destination: 'orders.dlq',
      reason: 'rejected',
      originalDestination: 'g/orders',
      observedBy: 'broker',
      payload: 'hi',
    });

  it('puts the message back where it was first produced, with its stamp and headers', () => {
    const events = [
      produce('p:1', { key: 'k1', headers: { tenant: 'acme', 'x-mqlab-id': 'p:1' }, seq: 4 }),
      deliver('p:1'),
      dead('p:1'),
      produce('p:1', { republished: true, script: '@run', payload: 'other', size: 5 }),
    ];
    assert.deepEqual(replayMessage(events, 'kafka', 'p:1'), {
      msgId: 'p:1',
      seq: 4,
      producer: 'p.ts',
      destination: 'orders',
      key: 'k1',
      headers: { tenant: 'acme' },
      body: 'hi',
    });
  });

  it('refuses what was not dead-lettered, and bodies the trace kept only in part', () => {
    assert.throws(
      () => replayMessage([produce('p:1'), deliver('p:1')], 'kafka', 'p:1'),
      (e) => e instanceof FaultRefused && /not been dead-lettered/.test(e.message),
    );
    const long = [produce('p:2', { payload: 'x'.repeat(512), size: 4000 }), dead('p:2')];
    assert.throws(() => replayMessage(long, 'kafka', 'p:2'), /cannot be replayed faithfully/);
    const binary = [produce('p:3', { payload: 'a\uFFFDb', size: 5 }), dead('p:3')];
    assert.throws(() => replayMessage(binary, 'kafka', 'p:3'), /cannot be replayed faithfully/);
  });

  it('gives Redis entries their fields back', () => {
    const fields = JSON.stringify({ order: '7', key: 'eu' });
    const events = [
      produce('p:4', { payload: fields, size: Buffer.byteLength(fields), broker: 'redis' }),
      dead('p:4'),
    ];
    assert.deepEqual(replayMessage(events, 'redis', 'p:4').fields, { order: '7', key: 'eu' });
  });
});
