import { Kafka, Partitioners, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'order-service', brokers, logLevel: logLevel.WARN });

// Declare the topic here too: scripts start in any order. Whichever script loses the race
// gets TOPIC_ALREADY_EXISTS, which is fine, so this setup client logs nothing.
const admin = new Kafka({ clientId: 'setup', brokers, logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'order-events', numPartitions: 3 }] });
await admin.disconnect();

const producer = kafka.producer({
  // Idempotence keeps a retried batch from landing behind a later one in the partition.
  idempotent: true,
  maxInFlightRequests: 1,
  // Same key -> same murmur2 hash -> same partition, as in the Java client.
  createPartitioner: Partitioners.DefaultPartitioner,
});
await producer.connect();

const steps = ['created', 'paid', 'shipped', 'delivered'];
const orders = ['order-A', 'order-B', 'order-C', 'order-D'];
// Interleave the orders, as real traffic would: A1 B1 C1 D1 A2 B2 ...
const messages = steps.flatMap((step, i) =>
  orders.map((orderId) => ({
    key: orderId, // the ordering key: everything about one order shares a partition
    value: JSON.stringify({ orderId, seq: i + 1, step }),
  })),
);

await producer.send({ topic: 'order-events', acks: -1, messages });
console.log(`sent ${messages.length} events for ${orders.length} orders`);
await producer.disconnect();
