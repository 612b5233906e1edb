import { Kafka, Partitioners, logLevel } from 'kafkajs';

// The orders API: 24 orders, keyed by order id, over the three partitions of `orders`.
const kafka = new Kafka({
  clientId: 'orders-api',
  brokers: ['localhost:9092'],
  logLevel: logLevel.ERROR,
});
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({
  topics: [
    { topic: 'orders', numPartitions: 3 },
    { topic: 'invoices', numPartitions: 3 },
  ],
});
await admin.disconnect();

const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
const orders = Array.from({ length: 24 }, (_, i) => ({
  orderId: `order-${i + 1}`,
  cents: 1000 + i * 10,
}));
await producer.send({
  topic: 'orders',
  messages: orders.map((o) => ({ key: o.orderId, value: JSON.stringify(o) })),
});
await producer.disconnect();
