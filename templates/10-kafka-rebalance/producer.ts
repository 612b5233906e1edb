import { Kafka, Partitioners, logLevel } from 'kafkajs';

const kafka = new Kafka({ clientId: 'shop', brokers: ['localhost:9092'], logLevel: logLevel.WARN });
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'orders-stream', numPartitions: 4 }] });
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
// 40 orders over 8 s, so some arrive before consumer-b joins and some after.
for (let i = 1; i <= 40; i++) {
  const key = `customer-${i % 8}`;
  await producer.send({
    topic: 'orders-stream',
    messages: [{ key, value: JSON.stringify({ orderId: `A${1000 + i}`, key }) }],
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log('placed 40 orders');
await producer.disconnect();
