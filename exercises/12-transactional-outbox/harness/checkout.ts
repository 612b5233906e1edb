import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

// Checkout: twelve orders, one every 250 ms. Customer c-404 closed their account a minute ago.
const customers = [
  'c-1',
  'c-2',
  'c-404',
  'c-4',
  'c-5',
  'c-1',
  'c-2',
  'c-3',
  'c-4',
  'c-5',
  'c-1',
  'c-3',
];
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertQueue('checkout', { durable: true });
// The shop opens once operations has the event topology in place (it listens on `audit` last).
await ch.assertQueue('audit', { durable: true });
for (let i = 0; i < 100 && (await ch.checkQueue('audit')).consumerCount === 0; i++) await sleep(50);
for (const [i, customerId] of customers.entries()) {
  const request = { orderId: `o-${i + 1}`, customerId, totalCents: 1500 + i * 100 };
  ch.sendToQueue('checkout', Buffer.from(JSON.stringify(request)), { persistent: true });
  await sleep(250);
}
await ch.waitForConfirms();
await ch.close();
await conn.close();
