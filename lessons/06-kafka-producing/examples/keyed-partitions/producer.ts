import { Kafka, Partitioners, logLevel } from 'kafkajs';

const brokers = ['localhost:9092'];
const kafka = new Kafka({ clientId: 'order-service', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

// Declare the topic ourselves: the consumer may start first. Creating it twice is harmless.
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'order-status', numPartitions: 3 }] });
await admin.disconnect();

await producer.connect();
try {
  // Three orders, each moving through the same lifecycle. The key is the order id.
  const steps = ['created', 'paid', 'shipped', 'delivered'];
  for (const step of steps) {
    for (const orderId of ['A-1001', 'A-1002', 'A-1003']) {
      const written = await producer.send({
        topic: 'order-status',
        messages: [{ key: orderId, value: JSON.stringify({ orderId, step }) }],
      });
      // send() resolves once the broker has the message: one entry per partition written.
      for (const { partition, baseOffset } of written) {
        console.log(`${orderId} ${step.padEnd(9)} -> partition ${partition}, offset ${baseOffset}`);
      }
    }
  }
} finally {
  // Always disconnect: it waits for in-flight requests and closes the sockets.
  await producer.disconnect();
}
