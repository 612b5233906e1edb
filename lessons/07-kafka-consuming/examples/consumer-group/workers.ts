import { Kafka, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'analytics', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'page-views', numPartitions: 3 }] });
await admin.disconnect();

const EXPECTED = 30;
let total = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 8_000); // stop even if fewer messages arrive

// Two members of the SAME group: Kafka splits the 3 partitions between them.
async function startWorker(name: string) {
  const consumer = kafka.consumer({
    groupId: 'page-view-counter',
    heartbeatInterval: 500, // notice a rebalance quickly (default 3 s)
    maxWaitTimeInMs: 500, // do not park in a long fetch while the group changes
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const partitions = payload.memberAssignment['page-views'] ?? [];
    console.log(`${name} joined the group, owns partitions [${partitions.join(', ')}]`);
  });
  await consumer.connect();
  await consumer.subscribe({ topics: ['page-views'], fromBeginning: true });

  const perPartition = new Map<number, number>();
  await consumer.run({
    eachMessage: async ({ partition }) => {
      perPartition.set(partition, (perPartition.get(partition) ?? 0) + 1);
      if (++total === EXPECTED) finish();
    },
  });
  return { name, consumer, perPartition };
}

const workers = await Promise.all([startWorker('worker-1'), startWorker('worker-2')]);
await finished;
clearTimeout(idle);

for (const { name, perPartition } of workers) {
  const counts = [...perPartition].map(([p, n]) => `p${p}: ${n}`).join(', ');
  console.log(`${name} handled ${counts || 'nothing'}`);
}
// Leave together: one at a time would trigger a pointless rebalance for the other.
await Promise.all(workers.map(({ consumer }) => consumer.disconnect()));
