import { Kafka, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'payments-ledger', brokers, logLevel: logLevel.WARN });

// Declare the topic here too: scripts start in any order. Whichever script loses the race
// gets TOPIC_ALREADY_EXISTS, which is fine, so this setup client logs nothing.
const admin = new Kafka({ clientId: 'setup', brokers, logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3 }] });
await admin.disconnect();

const consumer = kafka.consumer({ groupId: 'ledger' });
await consumer.connect();
await consumer.subscribe({ topics: ['payments'], fromBeginning: true });

const expected = 6;
let handled = 0;
let allDone: () => void = () => {};
const finished = new Promise<void>((resolve) => (allDone = resolve));

async function writeToLedger(payment: { paymentId: string; cents: number }) {
  await new Promise((resolve) => setTimeout(resolve, 50)); // stands in for a DB insert
  console.log(`ledger += ${payment.paymentId} (${payment.cents} cents)`);
}

await consumer.run({
  autoCommit: false, // we decide when an offset counts as done
  eachMessage: async ({ topic, partition, message }) => {
    await writeToLedger(JSON.parse(message.value!.toString()));
    // Commit the NEXT offset to read, and only after the work succeeded.
    // Crash before this line and the message is read again: a duplicate, never a loss.
    const next = (BigInt(message.offset) + 1n).toString();
    await consumer.commitOffsets([{ topic, partition, offset: next }]);
    if (++handled === expected) allDone();
  },
});

const idle = setTimeout(allDone, 9000); // stop anyway if fewer messages arrive
await finished;
clearTimeout(idle);
await consumer.disconnect();
console.log(`handled ${handled} payments, offsets committed after each one`);
