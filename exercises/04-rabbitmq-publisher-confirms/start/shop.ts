import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

// The shop takes 150 orders over about four seconds and hands each to the warehouse queue.
const ORDERS = 150;

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });

for (let i = 1; i <= ORDERS; i++) {
  const order = { orderId: `order-${i}` };
  ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
  await sleep(25); // the next customer checks out
}
await ch.close();
await conn.close();
