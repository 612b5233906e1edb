import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
// Identical arguments to the consumer's: a quorum queue that gives up after 3 failed deliveries.
await ch.assertQueue('payments', {
  durable: true,
  deadLetterExchange: 'payments.dlx',
  arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 3 },
});

for (const orderId of ['A1001', 'A1002', 'A1003']) {
  ch.sendToQueue('payments', Buffer.from(JSON.stringify({ orderId })), { persistent: true });
}
await ch.waitForConfirms();
console.log('published 3 payment events');
await conn.close();
