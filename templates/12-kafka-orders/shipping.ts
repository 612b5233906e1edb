import { Kafka, logLevel } from 'kafkajs';

type Order = { orderId: string; customer: string; seq: number; cents: number };
const kafka = new Kafka({
  clientId: 'shipping',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] });
await admin.disconnect();

// shipping's own group: it reads every order, at its own pace, whatever other groups do.
const consumer = kafka.consumer({ groupId: 'shipping', maxWaitTimeInMs: 500 });
await consumer.connect();
await consumer.subscribe({ topics: ['orders'], fromBeginning: true });

const EXPECTED = 12;
let received = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 12_000);

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const order = JSON.parse(message.value!.toString()) as Order;
    console.log(`packing ${order.orderId} for ${order.customer} (p${partition})`);
    if (++received === EXPECTED) finish();
  },
});
await finished;
clearTimeout(idle);
await consumer.disconnect();
