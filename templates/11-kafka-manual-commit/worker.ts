import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'invoicer',
  brokers: ['localhost:9092'],
  logLevel: logLevel.WARN,
});
// Quiet admin: if another script created the topic first, kafkajs would log that as an error.
const admin = new Kafka({ brokers: ['localhost:9092'], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'invoices', numPartitions: 1 }] });
await admin.disconnect();

const TOTAL = 15;
const seen = new Set<number>(); // invoices read in either life of the worker

/** One life of the worker. It crashes while handling invoice `crashAt`, if given. */
async function runWorker(life: string, crashAt?: number) {
  const consumer = kafka.consumer({
    groupId: 'invoicer',
    heartbeatInterval: 500,
    maxWaitTimeInMs: 500,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: ['invoices'], fromBeginning: true });
  let crashed = false;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let idle = setTimeout(finish, 10_000);

  await consumer.run({
    autoCommit: false, // nothing is committed unless we say so
    eachMessage: async ({ topic, partition, message }) => {
      if (crashed) return; // a dead process handles nothing
      const { invoice } = JSON.parse(message.value!.toString()) as { invoice: number };
      const again = seen.has(invoice) ? ' (read again!)' : '';
      seen.add(invoice);
      console.log(`${life}: handling invoice ${invoice} at offset ${message.offset}${again}`);
      if (invoice === crashAt) {
        crashed = true; // die before committing: the committed offset still points here
        console.log(`${life}: crashed while handling invoice ${invoice}`);
        finish();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100)); // render the PDF
      // The committed offset is the NEXT one to read, hence + 1.
      await consumer.commitOffsets([
        { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
      ]);
      clearTimeout(idle);
      if (invoice === TOTAL) finish();
      else idle = setTimeout(finish, 3_000);
    },
  });
  await finished;
  clearTimeout(idle);
  await consumer.disconnect();
}

await runWorker('first life', 9);
console.log('restarting...');
await runWorker('second life');
