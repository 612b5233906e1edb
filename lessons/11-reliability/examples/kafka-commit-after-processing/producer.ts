import { Kafka, Partitioners, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'payments-api', brokers, logLevel: logLevel.WARN });

// Declare the topic here too: scripts start in any order. Whichever script loses the race
// gets TOPIC_ALREADY_EXISTS, which is fine, so this setup client logs nothing.
const admin = new Kafka({ clientId: 'setup', brokers, logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3 }] });
await admin.disconnect();

const producer = kafka.producer({
  // Retries after a timeout cannot write a batch twice: the broker drops the repeat.
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});
await producer.connect();

const payments = Array.from({ length: 6 }, (_, i) => ({
  paymentId: `pay-${i + 1}`,
  cents: 1500 + i,
}));
const result = await producer.send({
  topic: 'payments',
  acks: -1, // "all": the leader answers only when every in-sync replica has the records
  messages: payments.map((p) => ({ key: p.paymentId, value: JSON.stringify(p) })),
});
// send() resolved, so the records are in the log; before that, they were still ours to retry.
for (const r of result) console.log(`partition ${r.partition}: stored from offset ${r.baseOffset}`);

await producer.disconnect();
