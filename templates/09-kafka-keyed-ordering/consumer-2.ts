import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'ledger-reader-2',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'account-events', numPartitions: 3 }] });
await admin.disconnect();

// Same group as the other consumer: Kafka gives each partition to exactly one of us.
const consumer = kafka.consumer({
  groupId: 'balances',
  heartbeatInterval: 500,
  maxWaitTimeInMs: 500,
});
await consumer.connect();
await consumer.subscribe({ topics: ['account-events'], fromBeginning: true });

const lastSeq = new Map<string, number>();
let received = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
let idle = setTimeout(finish, 12_000);

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const event = JSON.parse(message.value!.toString()) as { account: string; seq: number };
    const last = lastSeq.get(event.account) ?? 0;
    // Within one key the sequence must only go up; a smaller one means we read it out of order.
    if (event.seq <= last)
      console.log(`OUT OF ORDER: ${event.account} #${event.seq} after #${last}`);
    lastSeq.set(event.account, Math.max(last, event.seq));
    received++;
    console.log(`p${partition} ${event.account} #${event.seq}`);
    clearTimeout(idle);
    idle = setTimeout(finish, 6_000); // quiet for 6 s: the producer is done (and faults had time)
  },
});
await finished;
console.log(
  `consumer-2 read ${received} events for ${[...lastSeq.keys()].sort().join(', ') || 'no account'}`,
);
await consumer.disconnect();
