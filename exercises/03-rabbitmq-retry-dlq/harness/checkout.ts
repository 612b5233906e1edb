import amqp from 'amqplib';

// Checkout: six card payments to charge. The queue's dead-letter exchange is fixed:
// rejected payments go to payments.dlx -> payments.dead for a human to look at.
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertExchange('payments.dlx', 'fanout', { durable: true });
await ch.assertQueue('payments.dead', { durable: true });
await ch.bindQueue('payments.dead', 'payments.dlx', '');
await ch.assertQueue('payments', { durable: true, deadLetterExchange: 'payments.dlx' });
for (let i = 1; i <= 6; i++) {
  const payment = { paymentId: `pay-${i}`, cents: 1000 + i * 250 };
  ch.sendToQueue('payments', Buffer.from(JSON.stringify(payment)), { persistent: true });
}
await ch.waitForConfirms();
await ch.close();
await conn.close();
