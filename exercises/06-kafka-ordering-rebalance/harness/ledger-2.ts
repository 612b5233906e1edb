import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';

interface AccountEvent {
  account: string;
  n: number;
  type: 'deposit' | 'withdrawal';
  cents: number;
}

// A second instance of the ledger service, started 1.8 s into the run: the group rebalances
// and some partitions move over to it. It books events the careful way.
await sleep(1800);
const kafka = new Kafka({
  clientId: 'ledger-2',
  brokers: ['localhost:9092'],
  logLevel: logLevel.ERROR,
});
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
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
  eachMessage: async ({ topic, partition, message }) => {
    lastMessageAt = Date.now();
    const event = JSON.parse(message.value!.toString()) as AccountEvent;
    await sleep(event.type === 'deposit' ? 60 : 10);
    await producer.send({
      topic: 'ledger-entries',
      messages: [
        { key: event.account, value: JSON.stringify({ account: event.account, n: event.n }) },
      ],
    });
    await consumer.commitOffsets([
      { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
    ]);
    lastMessageAt = Date.now();
  },
});

const idle = setInterval(async () => {
  if (Date.now() - lastMessageAt < 3000) return;
  clearInterval(idle);
  await consumer.disconnect();
  await producer.disconnect();
}, 200);
