import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'greeter',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'greetings', numPartitions: 1 }] });
await admin.disconnect();

const consumer = kafka.consumer({ groupId: 'greeters', maxWaitTimeInMs: 500 });
await consumer.connect();
// fromBeginning: a new group starts at the oldest message, not just new ones.
await consumer.subscribe({ topics: ['greetings'], fromBeginning: true });

const EXPECTED = 10;
let received = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 12_000); // stop even if fewer arrive

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    console.log(`partition ${partition} offset ${message.offset}: ${message.value?.toString()}`);
    if (++received === EXPECTED) finish();
  },
});
await finished;
clearTimeout(idle);
await consumer.disconnect(); // commits the offsets read so far, then leaves the group
