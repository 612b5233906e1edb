import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'consumer-b',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'orders-stream', numPartitions: 4 }] });
await admin.disconnect();

// Join late, while consumer-a is busy: the group has to rebalance to make room.
await new Promise((resolve) => setTimeout(resolve, 4_000));

const consumer = kafka.consumer({
  groupId: 'fulfilment',
  heartbeatInterval: 500,
  maxWaitTimeInMs: 500,
});
// A rebalance revokes every member's partitions, then hands out a new assignment.
consumer.on(consumer.events.REBALANCING, () => console.log('consumer-b: group is rebalancing'));
consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
  const partitions = payload.memberAssignment['orders-stream'] ?? [];
  console.log(`consumer-b: assigned partitions [${partitions.join(', ')}]`);
});
await consumer.connect();
await consumer.subscribe({ topics: ['orders-stream'], fromBeginning: true });

let received = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
let idle = setTimeout(finish, 12_000);

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const { orderId } = JSON.parse(message.value!.toString()) as { orderId: string };
    console.log(`consumer-b: p${partition} offset ${message.offset} ${orderId}`);
    received++;
    clearTimeout(idle);
    idle = setTimeout(finish, 3_000); // quiet for 3 s: the shop has closed
  },
});
await finished;
console.log(`consumer-b handled ${received} orders`);
await consumer.disconnect();
