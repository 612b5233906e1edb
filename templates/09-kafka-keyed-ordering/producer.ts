import { Kafka, Partitioners, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'ledger',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'account-events', numPartitions: 3 }] });
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();

const accounts = ['acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5'];
const seq = new Map<string, number>();
for (let i = 0; i < 30; i++) {
  const account = accounts[i % accounts.length]!;
  seq.set(account, (seq.get(account) ?? 0) + 1);
  const event = {
    account,
    seq: seq.get(account),
    kind: i % 3 === 0 ? 'withdraw' : 'deposit',
    cents: 100 * (i + 1),
  };
  // The key picks the partition (murmur2 hash): every event of one account goes to the same one.
  const [meta] = await producer.send({
    topic: 'account-events',
    messages: [{ key: account, value: JSON.stringify(event) }],
  });
  console.log(`${account} #${event.seq} -> partition ${meta?.partition}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await producer.disconnect();
