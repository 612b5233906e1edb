import amqp from 'amqplib';
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const TOTAL = 8;
// A 1 s heartbeat makes the demo fast; production values are 10-60 s.
const URL = 'amqp://localhost?heartbeat=1';

let conn: ChannelModel | undefined;
let ch: ConfirmChannel | undefined;

// One long-lived connection, reopened with exponential backoff and jitter when it dies.
async function channel(): Promise<ConfirmChannel> {
  for (let attempt = 1; !ch; attempt++) {
    try {
      const c = await amqp.connect(URL);
      c.on('error', (err) => console.log(`connection error: ${err.message}`));
      c.on('close', () => {
        if (conn !== c) return; // a stale connection closing late
        console.log('connection lost');
        conn = undefined;
        ch = undefined;
      });
      const confirm = await c.createConfirmChannel();
      // Re-declare after every reconnect: the broker may be a fresh node.
      await confirm.assertQueue('orders', { durable: true });
      [conn, ch] = [c, confirm];
      console.log(`connected (attempt ${attempt})`);
    } catch (err) {
      const delay = Math.min(5000, 200 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
      console.log(`connect failed: ${(err as Error).message}; retry in ${Math.round(delay)} ms`);
      await sleep(delay);
    }
  }
  return ch;
}

// Resend until the broker confirms: at-least-once, so the consumer must tolerate duplicates.
async function publish(order: { orderId: string }): Promise<void> {
  const body = Buffer.from(JSON.stringify(order));
  for (;;) {
    const confirm = await channel();
    try {
      await new Promise<void>((resolve, reject) =>
        confirm.sendToQueue('orders', body, { persistent: true }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
      return console.log(`confirmed ${order.orderId}`);
    } catch (err) {
      console.log(`${order.orderId} not confirmed (${(err as Error).message}); resending`);
    }
  }
}

for (let i = 1; i <= TOTAL; i++) {
  if (i === 4) {
    // A CPU-bound job blocks the event loop for longer than two heartbeats,
    // so the broker decides this client is dead and drops the connection.
    console.log('blocking the event loop for 3.5 s...');
    const until = Date.now() + 3500;
    while (Date.now() < until) {
      // busy wait on purpose
    }
  }
  await publish({ orderId: `A${1000 + i}` });
  await sleep(200);
}
// Detach first so our own close is not mistaken for an outage.
const last = conn;
[conn, ch] = [undefined, undefined];
await last?.close();
