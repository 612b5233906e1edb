import amqp from 'amqplib';
import type { ConsumeMessage } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const IDLE_STOP_MS = 2000;

// Packing an order takes a while. This stands in for the real work: keep it as it is.
async function pack(order: { orderId: string }): Promise<void> {
  await sleep(150);
}

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });
await ch.assertQueue('packed', { durable: true });
// Hold at most a few unacked orders: the rest stay in the queue for whoever comes next.
await ch.prefetch(5);

let lastMessageAt = Date.now();
// One packing station: orders are packed one after another, in arrival order.
let station = Promise.resolve();

async function handle(msg: ConsumeMessage): Promise<void> {
  const order = JSON.parse(msg.content.toString()) as { orderId: string };
  await pack(order);
  // Tell the warehouse the parcel is ready.
  ch.sendToQueue('packed', Buffer.from(JSON.stringify({ orderId: order.orderId })), {
    persistent: true,
  });
  // Only now is the order done. A crash before this line means RabbitMQ redelivers it.
  ch.ack(msg);
  lastMessageAt = Date.now();
}

await ch.consume(
  'orders',
  (msg) => {
    if (!msg) return;
    lastMessageAt = Date.now();
    station = station.then(() => handle(msg));
  },
  { noAck: false },
);

// Stop once no order has arrived for a while, closing the channel before the connection.
const idle = setInterval(async () => {
  if (Date.now() - lastMessageAt < IDLE_STOP_MS) return;
  clearInterval(idle);
  await station;
  await ch.close();
  await conn.close();
}, 200);
