import { Kafka, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'order-tracker', brokers, logLevel: logLevel.WARN });

// Declare the topic here too: scripts start in any order. Whichever script loses the race
// gets TOPIC_ALREADY_EXISTS, which is fine, so this setup client logs nothing.
const admin = new Kafka({ clientId: 'setup', brokers, logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'order-events', numPartitions: 3 }] });
await admin.disconnect();

const consumer = kafka.consumer({ groupId: 'order-tracker' });
await consumer.connect();
await consumer.subscribe({ topics: ['order-events'], fromBeginning: true });

const expected = 16;
const lastSeq = new Map<string, number>(); // per key: the last step we applied
let received = 0;
let outOfOrder = 0;
let allDone: () => void = () => {};
const finished = new Promise<void>((resolve) => (allDone = resolve));

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const event = JSON.parse(message.value!.toString()) as {
      orderId: string;
      seq: number;
      step: string;
    };
    console.log(`partition ${partition}: ${event.orderId} #${event.seq} ${event.step}`);
    const previous = lastSeq.get(event.orderId) ?? 0;
    // Order is only promised per key, so that is the only thing worth checking.
    if (event.seq !== previous + 1) {
      outOfOrder++;
      console.log(`${event.orderId}: got step ${event.seq} after ${previous}`);
    }
    lastSeq.set(event.orderId, event.seq);
    if (++received === expected) allDone();
  },
});

const idle = setTimeout(allDone, 9000); // stop anyway if fewer messages arrive
await finished;
clearTimeout(idle);
await consumer.disconnect();
console.log(`${received} events, ${outOfOrder} out of order for their key`);
