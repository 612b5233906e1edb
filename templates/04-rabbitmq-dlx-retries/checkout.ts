import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
// Same arguments as the worker's declaration, or the broker refuses with PRECONDITION_FAILED.
await ch.assertQueue('payments', { durable: true, deadLetterExchange: 'payments.dlx' });

const payments = [
  { paymentId: 'pay-1', card: 'ok', cents: 1999 },
  { paymentId: 'pay-2', card: 'flaky', cents: 4500 }, // the provider times out once
  { paymentId: 'pay-3', card: 'ok', cents: 800 },
  { paymentId: 'pay-4', card: 'declined', cents: 12000 }, // fails every time
  { paymentId: 'pay-5', card: 'ok', cents: 2500 },
  { paymentId: 'pay-6', card: 'ok', cents: 650 },
];
for (const payment of payments) {
  ch.sendToQueue('payments', Buffer.from(JSON.stringify(payment)), {
    persistent: true,
    messageId: payment.paymentId,
  });
  await new Promise((resolve) => setTimeout(resolve, 250));
}
await ch.waitForConfirms();
console.log(`sent ${payments.length} payments`);
await conn.close();
