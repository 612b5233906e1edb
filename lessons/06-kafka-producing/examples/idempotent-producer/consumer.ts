import { Kafka, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'stock-auditor', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'stock-movements', numPartitions: 3 }] });
await admin.disconnect();

const consumer = kafka.consumer({ groupId: 'stock-auditor', maxWaitTimeInMs: 500 });
await consumer.connect();
await consumer.subscribe({ topics: ['stock-movements'], fromBeginning: true });

const EXPECTED = 30;
const lastSeq = new Map<string, number>();
let received = 0;
let problems = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 8_000); // stop even if fewer messages arrive

await consumer.run({
  eachMessage: async ({ partition, message }) => {
    const { sku, seq } = JSON.parse(message.value!.toString()) as { sku: string; seq: number };
    // A duplicate or a gap shows up as a sequence number that is not previous + 1.
    const previous = lastSeq.get(sku) ?? 0;
    if (seq !== previous + 1) {
      problems++;
      console.log(`${sku}: expected seq ${previous + 1}, got ${seq} (partition ${partition})`);
    }
    lastSeq.set(sku, seq);
    if (++received === EXPECTED) finish();
  },
});

await finished;
clearTimeout(idle);
await consumer.disconnect();

console.log(`${received} movements read, ${problems} duplicates or gaps`);
for (const [sku, seq] of lastSeq) console.log(`${sku}: last seq ${seq}`);
