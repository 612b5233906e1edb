import { Kafka, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'order-tracker', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'order-status', numPartitions: 3 }] });
await admin.disconnect();

const consumer = kafka.consumer({ groupId: 'order-tracker', maxWaitTimeInMs: 500 });
await consumer.connect();
await consumer.subscribe({ topics: ['order-status'], fromBeginning: true });

type OrderStatus = { orderId: string; step: string };
const EXPECTED = 12;
const stepsByOrder = new Map<string, string[]>();
const partitionsByOrder = new Map<string, Set<number>>();
let seen = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 8_000); // stop even if fewer messages arrive

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const { orderId, step } = JSON.parse(message.value!.toString()) as OrderStatus;
    stepsByOrder.set(orderId, [...(stepsByOrder.get(orderId) ?? []), step]);
    partitionsByOrder.set(orderId, (partitionsByOrder.get(orderId) ?? new Set()).add(partition));
    if (++seen === EXPECTED) finish();
  },
});

await finished;
clearTimeout(idle);
await consumer.disconnect();

// Same key, same partition, so each order's steps arrive in the order they were sent.
for (const [orderId, steps] of stepsByOrder) {
  const partitions = [...partitionsByOrder.get(orderId)!];
  console.log(`${orderId}: partition(s) ${partitions}, steps ${steps.join(' -> ')}`);
}
