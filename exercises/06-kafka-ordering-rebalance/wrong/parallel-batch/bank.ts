import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';

// The bank: 8 events per account, in two bursts (rounds 1–4 now, rounds 5–8 at 3 s).
const ACCOUNTS = ['acct-1', 'acct-2', 'acct-3', 'acct-4', 'acct-5'];
const ROUNDS = 8;

const kafka = new Kafka({
  clientId: 'bank',
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
const startedAt = Date.now();
for (let n = 1; n <= ROUNDS; n++) {
  if (n === 5) await sleep(3000 - (Date.now() - startedAt));
  const events = ACCOUNTS.map((account) => ({
    account,
    n, // the event's number on its account: 1, 2, 3…
    type: n % 2 === 1 ? 'deposit' : 'withdrawal',
    cents: 1000 * n,
  }));
  await producer.send({
    topic: 'account-events',
    // The account as key: all of one account's events land in the same partition, in order.
    messages: events.map((event) => ({ key: event.account, value: JSON.stringify(event) })),
  });
}
await producer.disconnect();
