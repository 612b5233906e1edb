import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertQueue('invoices', { durable: true });

// Twelve paid orders, each needing an invoice PDF.
for (let i = 1; i <= 12; i++) {
  const job = { orderId: `A${1000 + i}`, template: 'invoice-v2' };
  ch.sendToQueue('invoices', Buffer.from(JSON.stringify(job)), { persistent: true });
}
await ch.waitForConfirms();
console.log('queued 12 invoice jobs');
await conn.close();
