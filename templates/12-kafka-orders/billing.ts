import { Kafka, logLevel } from 'kafkajs';

type Order = { orderId: string; customer: string; seq: number; cents: number };
const kafka = new Kafka({
  clientId: 'billing',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] });
await admin.disconnect();

// billing's own group: it reads every order, at its own pace, whatever other groups do.
const consumer = kafka.consumer({ groupId: 'billing', maxWaitTimeInMs: 500 });
await consumer.connect();
await consumer.subscribe({ topics: ['orders'], fromBeginning: true });

const EXPECTED = 12;
let received = 0;
const lastSeq = new Map<string, number>();
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 12_000);

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const order = JSON.parse(message.value!.toString()) as Order;
    const last = lastSeq.get(order.customer) ?? 0;
    if (order.seq !== last + 1)
      console.log(`${order.customer}: expected #${last + 1}, got #${order.seq}`);
    lastSeq.set(order.customer, order.seq);
    console.log(
      `billed ${order.orderId} (${order.customer} #${order.seq}, p${partition}): ${(order.cents / 100).toFixed(2)}`,
    );
    if (++received === EXPECTED) finish();
  },
});
await finished;
clearTimeout(idle);
await consumer.disconnect();
