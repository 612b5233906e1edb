import { Kafka, Partitioners, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'web-frontend', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'page-views', numPartitions: 3 }] });
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();

// 45 views of 3 pages across three minutes of (simulated) traffic.
// Keyed by page: every view of one page lands in one partition, so one
// consumer owns that page's counters and no two consumers fight over them.
const start = Date.parse('2024-06-01T12:00:00Z');
const pages = ['/', '/pricing', '/docs'];
const messages = Array.from({ length: 45 }, (_, i) => {
  const page = pages[i % 3]!;
  const at = new Date(start + i * 4_000).toISOString(); // one view every 4 s
  return { key: page, value: JSON.stringify({ page, at, userId: `u${i % 7}` }) };
});
await producer.send({ topic: 'page-views', messages });
await producer.disconnect();
console.log(`sent ${messages.length} page views`);
