import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';

interface AccountEvent {
  account: string;
  n: number;
  type: 'deposit' | 'withdrawal';
  cents: number;
}

const IDLE_STOP_MS = 3000;

const kafka = new Kafka({
  clientId: 'ledger',
  brokers: ['localhost:9092'],
  logLevel: logLevel.ERROR,
});
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({
  topics: [
    { topic: 'account-events', numPartitions: 3 },
    { topic: 'ledger-entries', numPartitions: 3 },
  ],
});
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();

// Booking an event: deposits need a fraud check and take longer. Keep it as it is.
async function applyToLedger(event: AccountEvent): Promise<void> {
  await sleep(event.type === 'deposit' ? 60 : 10);
  await producer.send({
    topic: 'ledger-entries',
    messages: [
      { key: event.account, value: JSON.stringify({ account: event.account, n: event.n }) },
    ],
  });
}

const consumer = kafka.consumer({
  groupId: 'ledger',
  sessionTimeout: 6000,
  // Short heartbeats and fetch waits: a rebalance is noticed within half a second.
  heartbeatInterval: 500,
  maxWaitTimeInMs: 500,
});
await consumer.connect();
await consumer.subscribe({ topics: ['account-events'], fromBeginning: true });

let lastMessageAt = Date.now();
await consumer.run({
  autoCommit: false,
  // One message at a time per partition, in offset order: an account's events are booked in order.
  eachMessage: async ({ topic, partition, message }) => {
    lastMessageAt = Date.now();
    await applyToLedger(JSON.parse(message.value!.toString()));
    // Commit right away, so whoever gets this partition after a rebalance starts after it.
    await consumer.commitOffsets([
      { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
    ]);
    lastMessageAt = Date.now();
  },
});

const idle = setInterval(async () => {
  if (Date.now() - lastMessageAt < IDLE_STOP_MS) return;
  clearInterval(idle);
  await consumer.disconnect();
  await producer.disconnect();
}, 200);
