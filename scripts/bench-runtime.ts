// Measures the playground runtime on the brokers running locally and prints the figures:
//   1. start → first trace event from a script (p50 / p95 over 20 runs, per broker);
//   2. trace events per second carried from scripts to a real socket.io client;
//   3. per broker, the throughput of a produce/consume loop through the traced sandbox
//      divided by the same loop under plain Node with the plain client (the overhead ratio).
// Usage: node bin/mqlab.js brokers up, then: npm run bench:runtime [-- --runs 20 --messages 5000]
// Needs root and the sandbox tools, like `mqlab run`. Not a test: it prints, it does not judge.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { io as connect } from 'socket.io-client';
import { RABBITMQ } from '../server/brokers/endpoints';
import { serverKafka, serverKafkaSasl } from '../server/brokers/kafka/adminClient';
import { serverNsqSecret } from '../server/brokers/nsq/auth';
import { deleteNsqTopic } from '../server/brokers/nsq/nsqdHttp';
import { management } from '../server/brokers/rabbitmq/managementApi';
import { redisAdmin, serverRedisOptions } from '../server/brokers/redis/adminClient';
import { BROKERS, type Broker } from '../server/protocol/brokers';
import type { ClientToServerEvents, ServerToClientEvents } from '../server/protocol/events';
import { RUN_ACTOR, BROKER_ACTOR, type TraceEvent } from '../server/protocol/trace';
import { percentiles } from '../server/runner/metrics/percentiles';
import { REPO_ROOT } from '../server/runner/paths';
import { startRun } from '../server/runner/startRun';
import { createApplication } from '../server/socket/app';
import { BENCH_LOOPS } from './benchLoops';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    messages: { type: 'string', default: '8000' },
    repeat: { type: 'string', default: '3' },
  },
});
const RUNS = Number(values.runs);
const MESSAGES = Number(values.messages);
const REPEAT = Number(values.repeat);

/** Publishes one message as soon as it can: its first event is the first thing it does on the broker. */
const FIRST: Record<Broker, string> = {
  rabbitmq: `import amqp from 'amqplib';
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
ch.sendToQueue('hello', Buffer.from('hi'));
await conn.close();`,
  kafka: `import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'c', brokers: ['localhost:9092'] }).producer();
await producer.connect();
await producer.send({ topic: 'hello', messages: [{ value: 'hi' }] });
await producer.disconnect();`,
  nsq: `import nsq from 'nsqjs';
const w = new nsq.Writer('localhost', 4150);
w.connect();
await new Promise((r) => w.on('ready', r));
await new Promise((r) => w.publish('hello', 'hi', r));
w.close();`,
  redis: `import Redis from 'ioredis';
const redis = new Redis();
await redis.xadd('hello', '*', 'msg', 'hi');
redis.disconnect();`,
};

const ms = (n: number) => `${Math.round(n)} ms`;

/**
 * startRun() → the script's first trace event, and → its `produce`, over RUNS runs; and the
 * sandbox start alone (the script's `ready` frame, from the run's own start).
 */
async function firstEvent(broker: Broker) {
  const ready: number[] = [];
  const first: number[] = [];
  const produce: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const live = await startRun(
      { broker, files: [{ name: 'hello.ts', source: FIRST[broker] }], seconds: 30 },
      { metricsIntervalMs: 0 },
    );
    let firstAt: number | undefined;
    let produceAt: number | undefined;
    for await (const event of live.trace) {
      const fromScript = event.script !== RUN_ACTOR && event.script !== BROKER_ACTOR;
      if (fromScript && event.type !== 'exit') firstAt ??= performance.now() - t0;
      if (event.type === 'produce') produceAt ??= performance.now() - t0;
    }
    ready.push(live.firstEventMs ?? NaN);
    first.push(firstAt ?? NaN);
    produce.push(produceAt ?? NaN);
  }
  return { ready: percentiles(ready)!, first: percentiles(first)!, produce: percentiles(produce)! };
}

/**
 * A script that publishes `count` messages to a queue it also consumes (auto-ack): three
 * trace events per message (produce, deliver, ack), relayed to a socket.io client over a
 * real server on an ephemeral port. Events per second as the client receives them.
 */
async function socketThroughput(count: number) {
  const http = createServer();
  const app = createApplication(http, { probeBrokers: async () => [], statusIntervalMs: 60_000 });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const socket = connect(url, { transports: ['websocket'] }) as import('socket.io-client').Socket<
    ServerToClientEvents,
    ClientToServerEvents
  >;
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const source = `import amqp from 'amqplib';
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('firehose');
let got = 0;
let done: () => void;
const all = new Promise<void>((r) => (done = r));
await ch.consume('firehose', () => { if (++got === ${count}) done(); }, { noAck: true });
for (let i = 0; i < ${count}; i++) if (!ch.sendToQueue('firehose', Buffer.from('m' + i))) await new Promise((r) => ch.once('drain', r));
await all;
await conn.close();`;
  let events = 0;
  let firstAt = 0;
  let lastAt = 0;
  socket.on('run:trace', (batch) => {
    const now = performance.now();
    firstAt ||= now;
    lastAt = now;
    events += batch.events.length;
  });
  const ended = new Promise<TraceEvent>((resolve) => socket.once('run:ended', resolve));
  const res = await socket.emitWithAck('run:start', {
    broker: 'rabbitmq',
    files: [{ name: 'firehose.ts', source }],
    seconds: 120,
  });
  if ('error' in res) throw new Error(res.error);
  await ended;
  socket.disconnect();
  await new Promise((resolve) => app.close(resolve));
  return {
    events,
    perSecond: (events * 1000) / (lastAt - firstAt),
    seconds: (lastAt - firstAt) / 1000,
  };
}

function benchResult(output: string): number {
  const m = /BENCH (\d+) ([\d.]+)/.exec(output);
  if (!m) throw new Error(`no BENCH line in:\n${output.slice(-2000)}`);
  return (Number(m[1]) * 1000) / Number(m[2]); // messages per second
}

async function sandboxLoop(broker: Broker): Promise<number> {
  const live = await startRun({
    broker,
    files: [{ name: 'loop.ts', source: BENCH_LOOPS[broker](MESSAGES) }],
    seconds: 120,
  });
  const out: string[] = [];
  for await (const event of live.trace) {
    if (event.type === 'log') out.push(event.text);
    if (event.type === 'error') out.push(event.message);
  }
  return benchResult(out.join('\n'));
}

/** The same loop with the plain client library under Node, outside any sandbox. */
async function plainLoop(broker: Broker): Promise<number> {
  const dir = path.join(REPO_ROOT, '.mqlab', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${broker}.ts`);
  fs.writeFileSync(file, BENCH_LOOPS[broker](MESSAGES));
  const suffix = `-${process.pid}-${Date.now()}`;
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, BENCH_SUFFIX: suffix, ...plainCredentials() },
      timeout: 120_000,
    });
    return benchResult(stdout);
  } finally {
    await removePlainNames(broker, `bench${suffix}`).catch(() => {});
  }
}

/** The server's own credentials: a plain client outside the sandbox has no run account. */
function plainCredentials(): Record<string, string> {
  return {
    BENCH_AMQP_URL: RABBITMQ.url,
    BENCH_REDIS_PASSWORD: serverRedisOptions().password,
    BENCH_NSQ_SECRET: serverNsqSecret(),
    BENCH_KAFKA_SASL: JSON.stringify(serverKafkaSasl()),
  };
}

async function removePlainNames(broker: Broker, name: string) {
  if (broker === 'rabbitmq') await management('DELETE', `/queues/%2F/${encodeURIComponent(name)}`);
  if (broker === 'nsq') await deleteNsqTopic(name);
  if (broker === 'redis') {
    const redis = redisAdmin();
    await redis.del(name);
    redis.disconnect();
  }
  if (broker === 'kafka') {
    const admin = serverKafka('mqlab-bench').admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [name] });
    await admin.deleteGroups([name]).catch(() => {});
    await admin.disconnect();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`MQ Lab runtime benchmark — ${new Date().toISOString()}`);
console.log(`host: ${(await import('node:os')).cpus().length} CPUs, Node ${process.version}\n`);

console.log(
  `1. start → first trace event, ${RUNS} runs per broker (a script that publishes one message)`,
);
console.log('   broker     sandbox ready p50/p95   first event p50/p95   first produce p50/p95');
for (const broker of BROKERS) {
  const r = await firstEvent(broker);
  console.log(
    `   ${broker.padEnd(9)}  ${`${ms(r.ready.p50)} / ${ms(r.ready.p95)}`.padEnd(22)}  ${`${ms(r.first.p50)} / ${ms(r.first.p95)}`.padEnd(20)}  ${ms(r.produce.p50)} / ${ms(r.produce.p95)}`,
  );
}

const firehose = await socketThroughput(30_000);
console.log(
  `\n2. trace events to a socket.io client: ${firehose.events} events in ${firehose.seconds.toFixed(1)} s = ${Math.round(firehose.perSecond)} events/s`,
);

console.log(`\n3. produce/consume loop, ${MESSAGES} messages, median of ${REPEAT} (messages/s)`);
console.log('   broker     traced sandbox   plain Node client   ratio');
for (const broker of BROKERS) {
  const traced: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    plain.push(await plainLoop(broker));
    traced.push(await sandboxLoop(broker));
  }
  const [t, p] = [median(traced), median(plain)];
  console.log(
    `   ${broker.padEnd(9)}  ${String(Math.round(t)).padStart(14)}   ${String(Math.round(p)).padStart(17)}   ${(t / p).toFixed(2)}`,
  );
}
process.exit(0);
