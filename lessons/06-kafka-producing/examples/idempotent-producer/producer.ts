import { CompressionTypes, Kafka, Partitioners, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'warehouse', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'stock-movements', numPartitions: 3 }] });
await admin.disconnect();

const producer = kafka.producer({
  createPartitioner: Partitioners.DefaultPartitioner,
  idempotent: true, // the broker drops a retried batch it has already written
  maxInFlightRequests: 1, // kafkajs keeps sequence numbers safe with one request in flight
});
await producer.connect();

try {
  // Idempotence only means something if the write is durable: kafkajs refuses weaker acks.
  await producer
    .send({ topic: 'stock-movements', acks: 1, messages: [{ key: 'SKU-1', value: '{}' }] })
    .catch((err: Error) => console.log(`acks: 1 refused -> ${err.message}`));

  // 30 movements for 3 SKUs in ONE send: kafkajs batches per call (it has no linger.ms).
  const messages = Array.from({ length: 30 }, (_, i) => {
    const sku = `SKU-${(i % 3) + 1}`;
    const seq = Math.floor(i / 3) + 1;
    return { key: sku, value: JSON.stringify({ sku, seq, delta: seq % 2 ? -1 : 5 }) };
  });
  const written = await producer.send({
    topic: 'stock-movements',
    acks: -1, // "all": answered once every in-sync replica has the batch
    compression: CompressionTypes.GZIP, // one compressed batch per partition
    messages,
  });
  for (const { partition, baseOffset } of written) {
    console.log(`partition ${partition}: batch starts at offset ${baseOffset}`);
  }
} finally {
  await producer.disconnect(); // resolves after pending requests are answered
}
