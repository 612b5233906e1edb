import { Kafka, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'analytics', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'page-views', numPartitions: 3 }] });

const groupId = 'views-per-minute';
const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500 });
await consumer.connect();
await consumer.subscribe({ topics: ['page-views'], fromBeginning: true });

// Stands in for a table: "page @ minute" -> views.
const table = new Map<string, number>();
async function saveCounts(counts: Map<string, number>) {
  await new Promise((resolve) => setTimeout(resolve, 50)); // a DB round trip
  for (const [bucket, n] of counts) table.set(bucket, (table.get(bucket) ?? 0) + n);
}

const EXPECTED = 45;
let processed = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 8_000); // stop even if fewer messages arrive

await consumer.run({
  autoCommit: false, // the offset moves only when we say so
  eachBatch: async ({ batch, heartbeat }) => {
    const { topic, partition, messages } = batch;
    const counts = new Map<string, number>();
    for (const message of messages) {
      const { page, at } = JSON.parse(message.value!.toString()) as { page: string; at: string };
      const bucket = `${page} @ ${at.slice(11, 16)}`; // minute resolution: "/docs @ 12:02"
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
    await saveCounts(counts);
    // Only now commit. The committed offset names the NEXT message to read.
    const offset = (BigInt(batch.lastOffset()) + 1n).toString();
    await consumer.commitOffsets([{ topic, partition, offset }]);
    console.log(`partition ${partition}: saved ${messages.length} views, committed ${offset}`);
    await heartbeat();
    processed += messages.length;
    if (processed >= EXPECTED) finish();
  },
});

await finished;
clearTimeout(idle);
await consumer.disconnect();

for (const [bucket, views] of [...table].sort()) console.log(`${bucket}  ${views} views`);

// Lag = log end offset - committed offset, per partition.
const [committed] = await admin.fetchOffsets({ groupId, topics: ['page-views'] });
const ends = await admin.fetchTopicOffsets('page-views');
for (const { partition, high, low } of ends) {
  const done = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
  // "-1" = the group never committed here: it would start from the oldest offset still kept.
  const lag = Number(high) - (Number(done) >= 0 ? Number(done) : Number(low));
  console.log(`partition ${partition}: end ${high}, committed ${done}, lag ${lag}`);
}
await admin.disconnect();
