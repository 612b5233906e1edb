import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';

const IDLE_STOP_MS = 1500;

const kafka = new Kafka({
  clientId: 'invoicer',
  brokers: ['localhost:9092'],
  logLevel: logLevel.ERROR,
});
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({
  topics: [
    { topic: 'orders', numPartitions: 3 },
    { topic: 'invoices', numPartitions: 3 },
  ],
});
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();

// Writing an invoice takes a while, and sends it on to `invoices`. Keep it as it is.
async function writeInvoice(order: { orderId: string; cents: number }): Promise<void> {
  await sleep(80);
  await producer.send({
    topic: 'invoices',
    messages: [{ key: order.orderId, value: JSON.stringify(order) }],
  });
}

const consumer = kafka.consumer({
  groupId: 'invoicing',
  // A crashed member is noticed after 6 s (the broker's minimum), not the default 30 s.
  sessionTimeout: 6000,
  heartbeatInterval: 1000,
  // Short fetch waits, so stopping does not wait out a 5 s long poll.
  maxWaitTimeInMs: 500,
});
await consumer.connect();
await consumer.subscribe({ topics: ['orders'], fromBeginning: true });

let lastMessageAt = Date.now();
let started = false;
let inFlight = Promise.resolve();
await consumer.run({
  eachMessage: async ({ message }) => {
    started = true;
    lastMessageAt = Date.now();
    // Hand the order to the invoice queue and return at once: the consumer stays fast.
    const order = JSON.parse(message.value!.toString());
    inFlight = inFlight
      .then(() => writeInvoice(order))
      .then(() => {
        lastMessageAt = Date.now();
      });
  },
});

// Stop once orders have stopped coming (or after 8 s if none ever came).
const startedAt = Date.now();
const idle = setInterval(async () => {
  const quiet = Date.now() - lastMessageAt > IDLE_STOP_MS;
  if (!(started ? quiet : Date.now() - startedAt > 8000)) return;
  clearInterval(idle);
  await consumer.disconnect();
  await producer.disconnect();
}, 200);
