// The produce/consume loop scripts/bench-runtime.ts times per broker: the same source runs in
// the traced sandbox (as a learner's script) and under plain Node (as on a learner's laptop).
// Each prints `BENCH <messages> <ms>`: the time from the first send to the last receipt, so
// neither process start-up nor connecting counts. NAME makes plain runs' names unique (in the
// sandbox the run's namespace does that and the environment is empty); BENCH_* credentials are
// the server's, for plain runs only (in the sandbox the wrappers use the run's own).
import type { Broker } from '../server/protocol/brokers';

const NAME = `const NAME = 'bench' + (process.env.BENCH_SUFFIX ?? '');`;

export const BENCH_LOOPS: Record<Broker, (n: number) => string> = {
  rabbitmq: (n) => `
import amqp from 'amqplib';
${NAME}
const conn = await amqp.connect(process.env.BENCH_AMQP_URL ?? 'amqp://127.0.0.1:5672');
const ch = await conn.createChannel();
await ch.assertQueue(NAME);
await ch.prefetch(500);
let got = 0;
let done: () => void;
const all = new Promise<void>((r) => (done = r));
await ch.consume(NAME, (msg) => { if (!msg) return; ch.ack(msg); if (++got === ${n}) done(); });
const start = performance.now();
for (let i = 0; i < ${n}; i++) {
  if (!ch.sendToQueue(NAME, Buffer.from('order ' + i))) await new Promise((r) => ch.once('drain', r));
}
await all;
console.log('BENCH ${n} ' + (performance.now() - start).toFixed(1));
await conn.close();
`,
  kafka: (n) => `
import { Kafka, logLevel } from 'kafkajs';
${NAME}
const sasl = process.env.BENCH_KAFKA_SASL ? JSON.parse(process.env.BENCH_KAFKA_SASL) : undefined;
const kafka = new Kafka({ clientId: 'bench', brokers: ['127.0.0.1:9092'], sasl, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: NAME, numPartitions: 1 }], waitForLeaders: true });
await admin.disconnect();
const producer = kafka.producer();
await producer.connect();
const consumer = kafka.consumer({ groupId: NAME, maxWaitTimeInMs: 50 });
await consumer.connect();
await consumer.subscribe({ topics: [NAME], fromBeginning: true });
const joined = new Promise((r) => consumer.on(consumer.events.GROUP_JOIN, r));
let got = 0;
let done: () => void;
const all = new Promise<void>((r) => (done = r));
await consumer.run({ eachMessage: async () => { if (++got === ${n}) done(); } });
await joined;
const start = performance.now();
for (let i = 0; i < ${n}; i += 100)
  await producer.send({ topic: NAME, messages: Array.from({ length: 100 }, (_, k) => ({ key: 'k' + (k % 4), value: 'order ' + (i + k) })) });
await all;
console.log('BENCH ${n} ' + (performance.now() - start).toFixed(1));
await consumer.disconnect();
await producer.disconnect();
`,
  nsq: (n) => `
import nsq from 'nsqjs';
${NAME}
const auth = process.env.BENCH_NSQ_SECRET ? { authSecret: process.env.BENCH_NSQ_SECRET } : {};
const writer = new nsq.Writer('127.0.0.1', 4150, auth);
writer.connect();
await new Promise((r) => writer.on('ready', r));
await new Promise((r) => writer.publish(NAME, 'warm-up', r));
const reader = new nsq.Reader(NAME, 'bench', { nsqdTCPAddresses: ['127.0.0.1:4150'], maxInFlight: 500, ...auth });
let got = -1; // the warm-up message
let done: () => void;
const all = new Promise<void>((r) => (done = r));
reader.on('message', (msg) => { msg.finish(); if (++got === ${n}) done(); });
reader.connect();
await new Promise((r) => reader.on('ready', r));
const start = performance.now();
for (let i = 0; i < ${n}; i += 100)
  await new Promise((r) => writer.publish(NAME, Array.from({ length: 100 }, (_, k) => 'order ' + (i + k)), r));
await all;
console.log('BENCH ${n} ' + (performance.now() - start).toFixed(1));
reader.close();
writer.close();
`,
  redis: (n) => `
import Redis from 'ioredis';
${NAME}
const producer = new Redis({ host: '127.0.0.1', password: process.env.BENCH_REDIS_PASSWORD });
const consumer = new Redis({ host: '127.0.0.1', password: process.env.BENCH_REDIS_PASSWORD });
await producer.xgroup('CREATE', NAME, 'g', '0', 'MKSTREAM');
let got = 0;
const reading = (async () => {
  while (got < ${n}) {
    const reply = (await consumer.xreadgroup('GROUP', 'g', 'c', 'COUNT', 200, 'BLOCK', 100, 'STREAMS', NAME, '>')) as [string, [string, string[]][]][] | null;
    const ids = (reply?.[0]?.[1] ?? []).map(([id]) => id);
    if (ids.length) await consumer.xack(NAME, 'g', ...ids);
    got += ids.length;
  }
})();
const start = performance.now();
for (let i = 0; i < ${n}; i += 100) {
  const batch = producer.pipeline();
  for (let k = 0; k < 100; k++) batch.xadd(NAME, '*', 'order', String(i + k));
  await batch.exec();
}
await reading;
console.log('BENCH ${n} ' + (performance.now() - start).toFixed(1));
producer.disconnect();
consumer.disconnect();
`,
};
