import { Kafka, Partitioners, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'web-frontend', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'page-views', numPartitions: 3 }] });
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();

// 30 page views from 6 visitors, spread over ~3 s so the group has time to form.
const pages = ['/', '/pricing', '/docs', '/blog'];
for (let i = 0; i < 30; i++) {
  const userId = `u${(i % 6) + 1}`; // key: one visitor's clicks stay in order
  const view = { userId, page: pages[i % pages.length], at: new Date().toISOString() };
  await producer.send({
    topic: 'page-views',
    messages: [{ key: userId, value: JSON.stringify(view) }],
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await producer.disconnect();
console.log('sent 30 page views');
