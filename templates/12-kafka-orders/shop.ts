import { Kafka, Partitioners, logLevel } from 'kafkajs';

const kafka = new Kafka({ clientId: 'shop', brokers: ['localhost:9092'], logLevel: logLevel.WARN });
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] });
await admin.disconnect();

// No need to wait for the consumers: the topic keeps every order, and a new group reads from the start.
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
const customers = ['alice', 'bob', 'carol'];
const seq = new Map<string, number>();
for (let i = 1; i <= 12; i++) {
  const customer = customers[i % customers.length]!;
  seq.set(customer, (seq.get(customer) ?? 0) + 1);
  const order = { orderId: `A${1000 + i}`, customer, seq: seq.get(customer), cents: 500 * i };
  // Keyed by customer: one customer's orders share a partition, so they stay in order.
  await producer.send({
    topic: 'orders',
    messages: [{ key: customer, value: JSON.stringify(order) }],
  });
  console.log(`placed ${order.orderId} for ${customer}`);
  await new Promise((resolve) => setTimeout(resolve, 150));
}
await producer.disconnect();
