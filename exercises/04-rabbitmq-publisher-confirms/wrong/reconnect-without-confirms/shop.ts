import amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

// The shop takes 150 orders over about four seconds and hands each to the warehouse queue.
const ORDERS = 150;

interface Link {
  conn: ChannelModel;
  ch: Channel;
}

/** Connects (again), retrying until the broker answers. */
async function connect(): Promise<Link> {
  for (;;) {
    try {
      const conn = await amqp.connect('amqp://localhost');
      conn.on('error', () => {});
      const ch = await conn.createChannel();
      await ch.assertQueue('orders', { durable: true });
      return { conn, ch };
    } catch {
      await sleep(200);
    }
  }
}

let link = await connect();
for (let i = 1; i <= ORDERS; i++) {
  const order = { orderId: `order-${i}` };
  try {
    link.ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
  } catch {
    // The connection is gone: reconnect, so the following orders get through.
    link.conn.close().catch(() => {});
    link = await connect();
  }
  await sleep(25); // the next customer checks out
}
await link.ch.close();
await link.conn.close();
