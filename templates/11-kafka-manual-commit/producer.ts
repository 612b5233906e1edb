import { Kafka, Partitioners, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'billing',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'invoices', numPartitions: 1 }] });
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
const messages = Array.from({ length: 15 }, (_, i) => ({
  value: JSON.stringify({ invoice: i + 1 }),
}));
await producer.send({ topic: 'invoices', messages });
console.log('sent invoices 1 to 15');
await producer.disconnect();
