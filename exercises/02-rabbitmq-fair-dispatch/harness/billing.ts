import amqp from 'amqplib';

// Billing: 24 invoices to render as PDF, all at once.
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertQueue('invoices', { durable: true });
// Wait until both workers are listening, so neither gets the whole batch by arriving first.
for (let i = 0; i < 50 && (await ch.checkQueue('invoices')).consumerCount < 2; i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
for (let i = 1; i <= 24; i++) {
  const job = { invoiceId: `inv-${100 + i}` };
  ch.sendToQueue('invoices', Buffer.from(JSON.stringify(job)), { persistent: true });
}
await ch.waitForConfirms();
await ch.close();
await conn.close();
