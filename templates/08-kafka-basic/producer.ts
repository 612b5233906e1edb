import { Kafka, Partitioners, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'greeter',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
// createTopics is a no-op (returns false) when the topic already exists.
await admin.createTopics({ topics: [{ topic: 'greetings', numPartitions: 1 }] });
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
for (let i = 1; i <= 10; i++) {
  // send() resolves once the partition leader has the message (acks: -1 waits for all replicas).
  const [meta] = await producer.send({ topic: 'greetings', messages: [{ value: `hello #${i}` }] });
  console.log(`sent hello #${i} at offset ${meta?.baseOffset}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await producer.disconnect();
