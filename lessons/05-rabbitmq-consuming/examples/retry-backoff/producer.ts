import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
// Must match the consumer's declaration exactly.
await ch.assertQueue('order-events', { durable: true, deadLetterExchange: 'orders.dlx' });

// A1001 is fine, A1002 hits a flaky gateway twice, A1003 depends on a service that stays down.
for (const orderId of ['A1001', 'A1002', 'A1003']) {
  const body = Buffer.from(JSON.stringify({ orderId, type: 'paid' }));
  ch.sendToQueue('order-events', body, { persistent: true, headers: { attempt: 1 } });
}
await ch.waitForConfirms();
console.log('published 3 order events');
await conn.close();
