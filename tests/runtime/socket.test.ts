/**
 * The run:* socket events against a real server on an ephemeral port, real clients, the
 * real runner and RabbitMQ. Also abuse case 17: 50 parallel runs from one browser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunEndedPayload } from '../../server/protocol/run';
import type { TraceEvent } from '../../server/protocol/trace';
import { liveRuns } from '../../server/runner/liveRuns';
import { processesOfRuns } from './helpers';
import { useSocketApp } from './socketApp';

const HELLO = `
import amqp from 'amqplib';
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('greetings');
for (let i = 0; i < 3; i++) ch.sendToQueue('greetings', Buffer.from('hi ' + i));
console.log('sent');
await conn.close();
`;
const FOREVER = `setInterval(() => {}, 1000); console.log('waiting');`;

describe('socket events run:*', () => {
  const { client } = useSocketApp();

  it('answers malformed payloads with {error} and keeps serving', async () => {
    const socket = await client();
    const send = (event: 'run:start' | 'run:stop', payload: unknown) =>
      new Promise<unknown>((resolve) =>
        (socket.emit as (...a: unknown[]) => void)(event, payload, resolve),
      );
    for (const payload of [
      null,
      42,
      'x',
      {},
      { broker: 'mongodb', files: [] },
      { broker: 'rabbitmq', files: [{ name: '../x.ts', source: '' }] },
      { broker: 'rabbitmq', files: [{ name: 'a.ts', source: 'x'.repeat(200_000) }] },
      { broker: 'rabbitmq', files: [{ name: 'a.ts', source: '' }], seconds: 9999 },
    ]) {
      const res = (await send('run:start', payload)) as { error?: string };
      assert.ok(res.error, `no error for ${JSON.stringify(payload).slice(0, 80)}`);
    }
    assert.ok(((await send('run:stop', { runId: 12 })) as { error?: string }).error);
    assert.ok(((await send('run:stop', { runId: 'nope' })) as { error?: string }).error);
    (socket.emit as (...a: unknown[]) => void)('run:start', { broker: 'rabbitmq' }); // no ack at all
    assert.ok(socket.connected);
  });

  it('streams a run: run:started, batched run:trace and run:log, run:ended', async () => {
    const socket = await client();
    const trace: TraceEvent[] = [];
    const logs: string[] = [];
    let batches = 0;
    socket.on('run:trace', (b) => (batches++, trace.push(...b.events)));
    socket.on('run:log', (b) => logs.push(...b.events.map((e) => e.text)));
    const started = new Promise((resolve) => socket.once('run:started', resolve));
    const ended = new Promise<RunEndedPayload>((resolve) => socket.once('run:ended', resolve));
    const res = await socket.emitWithAck('run:start', {
      broker: 'rabbitmq',
      files: [{ name: 'hello.ts', source: HELLO }],
    });
    assert.ok('data' in res, JSON.stringify(res));
    assert.equal(res.data.state, 'running');
    await started;
    const end = await ended;
    assert.equal(end.runId, res.data.runId);
    assert.equal(end.reason, 'completed');
    assert.deepEqual(logs, ['sent']);
    assert.equal(trace.filter((e) => e.type === 'produce').length, 3);
    assert.ok(batches < trace.length, 'events arrive in batches');
    assert.deepEqual(
      trace.map((e) => e.n),
      [...trace.map((e) => e.n)].sort((a, b) => a - b),
    );
  });

  it('17. fifty parallel runs from one browser: one runs, one waits, the rest are refused', async () => {
    const socket = await client();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        socket.emitWithAck('run:start', {
          broker: 'rabbitmq',
          files: [{ name: 'w.ts', source: FOREVER }],
          seconds: 30,
        }),
      ),
    );
    const states = answers.map((a) => ('data' in a ? a.data.state : 'refused'));
    assert.equal(states.filter((s) => s === 'running').length, 1);
    assert.equal(states.filter((s) => s === 'queued').length, 1);
    assert.equal(states.filter((s) => s === 'refused').length, 48);
    assert.match(('error' in answers[49]! && answers[49].error) || '', /stop one first/);

    // Stopping the running one lets the queued one start; disconnecting stops that one too.
    const [running, queued] = answers
      .filter((a) => 'data' in a)
      .map((a) => ('data' in a ? a.data.runId : ''));
    const queuedStarted = new Promise<void>((resolve) =>
      socket.on('run:started', (p) => p.runId === queued && resolve()),
    );
    assert.ok('data' in (await socket.emitWithAck('run:stop', { runId: running! })));
    await queuedStarted;
    socket.disconnect();
    for (let i = 0; i < 100 && (liveRuns.has(running!) || liveRuns.has(queued!)); i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.ok(
      ![...liveRuns.keys()].some((id) => id === running || id === queued),
      'the disconnected browser has no run left',
    );
    assert.deepEqual(processesOfRuns([running!, queued!]), []);
  });
});
