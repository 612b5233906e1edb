import amqp from 'amqplib';
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

// The shop takes 150 orders over about four seconds and hands each to the warehouse queue.
const ORDERS = 150;

interface Link {
  conn: ChannelModel;
  ch: ConfirmChannel;
}

/** Connects (again), retrying until the broker answers. */
async function connect(): Promise<Link> {
  for (;;) {
    try {
      const conn = await amqp.connect('amqp://localhost');
      conn.on('error', () => {}); // a dropped connection also emits 'close': handled there
      const ch = await conn.createConfirmChannel();
      await ch.assertQueue('orders', { durable: true });
      return { conn, ch };
    } catch {
      await sleep(200);
    }
  }
}

/** Publishes and waits for the broker's confirm; on any failure reconnects and tries again. */
async function publishConfirmed(order: { orderId: string }): Promise<void> {
  for (;;) {
    try {
      link.ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
      await link.ch.waitForConfirms();
      return;
    } catch {
      // Unconfirmed: the broker may or may not have it. Send it again on a fresh connection
      // (the warehouse may see it twice; that beats never seeing it).
      link.conn.close().catch(() => {});
      link = await connect();
    }
  }
}

let link = await connect();
for (let i = 1; i <= ORDERS; i++) {
  await publishConfirmed({ orderId: `order-${i}` });
  await sleep(25); // the next customer checks out
}
await link.ch.close();
await link.conn.close();
