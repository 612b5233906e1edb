/**
 * Faults from the outside: `run:fault` over a real socket.io server on an ephemeral port, and
 * `mqlab run --fault` as a real CLI process. The metrics events ride along in `run:trace`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Broker } from '../../server/protocol/brokers';
import type { RunEndedPayload } from '../../server/protocol/run';
import type { TraceEvent } from '../../server/protocol/trace';
import { useSocketApp, type Client } from './socketApp';

const run = promisify(execFile);

const TICKER = `
import Redis from 'ioredis';
const redis = new Redis();
let n = 0;
setInterval(() => redis.xadd('ticks', '*', 'n', String(++n)), 100);
`;

/** Rejects each body the first time it sees it (to the dead-letter queue), acks it after that. */
const REJECT_FIRST = `
import amqp from 'amqplib';
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('work.dead');
await ch.assertQueue('work', { deadLetterExchange: '', deadLetterRoutingKey: 'work.dead' });
const seen = new Set<string>();
await ch.consume('work', (msg) => {
  if (!msg) return;
  const body = msg.content.toString();
  if (seen.has(body)) {
    console.log('again ' + body + ' tenant=' + msg.properties.headers?.tenant);
    return ch.ack(msg);
  }
  seen.add(body);
  ch.reject(msg, false);
});
`;
const PUBLISH_TWO = `
import amqp from 'amqplib';
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertQueue('work.dead');
await ch.assertQueue('work', { deadLetterExchange: '', deadLetterRoutingKey: 'work.dead' });
ch.sendToQueue('work', Buffer.from('order-1'), { headers: { tenant: 'acme' } });
ch.sendToQueue('work', Buffer.from('x'.repeat(600)));
await ch.waitForConfirms();
await conn.close();
`;

describe('faults over the socket and the CLI', () => {
  const { client } = useSocketApp();

  /** Starts a 20 s run of `files` and collects what the socket receives about it until it starts. */
  async function startRun(socket: Client, broker: Broker, files: Record<string, string>) {
    const trace: TraceEvent[] = [];
    const logs: TraceEvent[] = [];
    socket.on('run:trace', (b) => trace.push(...b.events));
    socket.on('run:log', (b) => logs.push(...b.events));
    const ended = new Promise<RunEndedPayload>((resolve) => socket.once('run:ended', resolve));
    const started = new Promise((resolve) => socket.once('run:started', resolve));
    const res = await socket.emitWithAck('run:start', {
      broker,
      files: Object.entries(files).map(([name, source]) => ({ name, source })),
      seconds: 20,
    });
    assert.ok('data' in res, JSON.stringify(res));
    await started;
    return { runId: res.data.runId, trace, logs, ended };
  }

  it('run:fault validates at the edge, acts only on the caller’s live runs, and traces the fault', async () => {
    const socket = await client();
    const other = await client();
    const { runId, trace, ended } = await startRun(socket, 'redis', {
      'a.ts': TICKER,
      'b.ts': TICKER,
    });
    while (!trace.some((e) => e.type === 'produce' && e.script === 'a.ts'))
      await new Promise((r) => setTimeout(r, 50));

    const send = (s: Client, payload: unknown) =>
      new Promise<{ data?: { fault: TraceEvent }; error?: string }>((resolve) =>
        (s.emit as (...a: unknown[]) => void)('run:fault', payload, resolve),
      );
    for (const bad of [
      null,
      'kill',
      {},
      { runId, kind: 'explode', target: 'a.ts' },
      { runId, kind: 'kill' },
    ])
      assert.ok((await send(socket, bad)).error, JSON.stringify(bad));
    assert.match(
      (await send(other, { runId, kind: 'kill', target: 'a.ts' })).error ?? '',
      /no run/,
    );
    assert.match(
      (await send(socket, { runId, kind: 'kill', target: 'nope.ts' })).error ?? '',
      /not one of the run's scripts/,
    );
    assert.match(
      (await send(socket, { runId, kind: 'duplicate', target: 'ticks' })).error ?? '',
      /no message from "ticks" has been delivered and acknowledged/,
    );

    const poison = await send(socket, { runId, kind: 'poison', target: 'ticks', payload: 'boom' });
    assert.equal(poison.data?.fault.type, 'fault');
    const killed = await send(socket, { runId, kind: 'kill', target: 'a.ts' });
    assert.equal(
      killed.data?.fault.type === 'fault' && killed.data.fault.detail?.source,
      'playground',
    );
    assert.match(
      (await send(socket, { runId, kind: 'pause', target: 'a.ts' })).error ?? '',
      /not running/,
    );
    assert.ok((await send(socket, { runId, kind: 'restart', target: 'a.ts' })).data);
    while (!trace.some((e) => e.type === 'metrics')) await new Promise((r) => setTimeout(r, 50));
    await socket.emitWithAck('run:stop', { runId });
    const end = await ended;

    const faults = trace.filter((e) => e.type === 'fault');
    assert.deepEqual(
      faults.map((e) => e.type === 'fault' && [e.kind, e.target]),
      [
        ['poison', 'ticks'],
        ['kill', 'a.ts'],
        ['restart', 'a.ts'],
      ],
    );
    const injected = trace.find((e) => e.type === 'produce' && e.script === '@run');
    assert.equal(injected?.type === 'produce' && injected.payload, JSON.stringify({ n: 'boom' }));
    assert.ok(
      trace.some((e) => e.type === 'metrics'),
      'metrics events arrive in run:trace',
    );
    assert.equal(end.counts.ticks?.produced, trace.filter((e) => e.type === 'produce').length);
  });

  it('run:replay republishes a dead letter where it was first published, traced with its stamp', async () => {
    const socket = await client();
    const other = await client();
    const { runId, trace, logs, ended } = await startRun(socket, 'rabbitmq', {
      'worker.ts': REJECT_FIRST,
      'shop.ts': PUBLISH_TWO,
    });
    const deadLetters = () => trace.filter((e) => e.type === 'dead-letter');
    while (deadLetters().length < 2) await new Promise((r) => setTimeout(r, 50));
    const [small, big] = ['order-1', 'x'.repeat(600)].map((body) =>
      trace.find((e) => e.type === 'produce' && e.size === body.length)!,
    );

    const send = (s: Client, payload: unknown) =>
      new Promise<{ data?: { produce: TraceEvent }; error?: string }>((resolve) =>
        (s.emit as (...a: unknown[]) => void)('run:replay', payload, resolve),
      );
    for (const bad of [null, 7, {}, { runId }, { runId, msgId: '' }, { msgId: 'a' }])
      assert.match((await send(socket, bad)).error ?? '', /invalid replay request/);
    const msgId = small!.type === 'produce' ? small.msgId : '';
    assert.match((await send(other, { runId, msgId })).error ?? '', /no run/);
    assert.match(
      (await send(socket, { runId, msgId: 'nope' })).error ?? '',
      /has not been dead-lettered/,
    );
    assert.match(
      (await send(socket, { runId, msgId: big!.type === 'produce' ? big.msgId : '' })).error ?? '',
      /cannot be replayed faithfully/,
    );

    const replayed = await send(socket, { runId, msgId });
    const produce = replayed.data?.produce;
    assert.ok(produce?.type === 'produce', replayed.error);
    assert.equal(produce.msgId, msgId);
    assert.equal(produce.republished, true);
    assert.equal(produce.script, '@run');
    assert.equal(produce.destination, 'work');
    assert.equal(produce.payload, 'order-1');
    const acked = () => trace.some((e) => e.type === 'ack' && e.msgId === msgId);
    while (!acked()) await new Promise((r) => setTimeout(r, 50));
    const deliveries = trace.filter((e) => e.type === 'deliver' && e.msgId === msgId);
    assert.equal(deliveries.length, 2, 'delivered once, dead-lettered, delivered again');
    while (!logs.some((e) => e.type === 'log' && /again order-1 tenant=acme/.test(e.text)))
      await new Promise((r) => setTimeout(r, 50));

    await socket.emitWithAck('run:stop', { runId });
    const end = await ended;
    assert.match((await send(socket, { runId, msgId })).error ?? '', /no run/);
    // Message 1 now came after message 2 of the same key: out of order, because of a retry.
    const anomalies = trace.filter((e) => e.type === 'anomaly' && e.msgId === msgId);
    assert.deepEqual(
      anomalies.map((e) => e.type === 'anomaly' && [e.kind, e.cause]),
      [['out-of-order', 'retry']],
    );
    for (const row of end.agreement) assert.ok(row.agrees, JSON.stringify(row));
  });

  it('mqlab run --fault schedules faults from the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlab-fault-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), TICKER);
    const cli = path.resolve('bin/mqlab.js');
    try {
      await assert.rejects(
        run(process.execPath, [
          cli,
          'run',
          '--broker',
          'redis',
          '--fault',
          '1s:kill:b.ts',
          path.join(dir, 'a.ts'),
        ]),
        (err: { code: number; stderr: string }) =>
          err.code === 2 && /b\.ts is not one of the files/.test(err.stderr),
      );
      const { stdout } = await run(process.execPath, [
        cli,
        'run',
        '--broker',
        'redis',
        '--seconds',
        '10',
        '--json',
        '--fault',
        '1s:kill:a.ts',
        path.join(dir, 'a.ts'),
      ]);
      const events = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as TraceEvent);
      const fault = events.find((e) => e.type === 'fault');
      assert.ok(fault?.type === 'fault' && fault.kind === 'kill' && fault.detail?.source === 'cli');
      const exit = events.find((e) => e.type === 'exit');
      assert.ok(exit?.type === 'exit' && exit.reason === 'killed' && exit.n > fault.n);
      assert.ok(exit.ts - events[0]!.ts >= 900, 'about a second after the start');
      assert.equal(events.at(-1)?.type, 'run-end');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
