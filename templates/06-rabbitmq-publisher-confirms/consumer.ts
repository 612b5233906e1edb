import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('invoices', { durable: true, maxLength: 5, overflow: 'reject-publish' });
await ch.prefetch(1);

// Start late and work slowly, so the queue fills up and the producer sees nacks.
await new Promise((resolve) => setTimeout(resolve, 1_500));

const EXPECTED = 10;
let received = 0;
const idle = setTimeout(() => void conn.close(), 12_000);

await ch.consume('invoices', (msg) => {
  if (!msg) return;
  setTimeout(() => {
    ch.ack(msg);
    console.log(`rendered ${msg.content.toString()}`);
    if (++received === EXPECTED) {
      clearTimeout(idle);
      void conn.close();
    }
  }, 200);
});
