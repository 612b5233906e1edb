import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const BACKOFF_MS = [500, 1000, 2000]; // waits before attempts 2, 3 and 4; then give up

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel(); // confirms make the retry hand-off safe

// Final failures: order-events -> orders.dlx -> orders.dead
await ch.assertExchange('orders.dlx', 'fanout', { durable: true });
await ch.assertQueue('orders.dead', { durable: true });
await ch.bindQueue('orders.dead', 'orders.dlx', '');
await ch.assertQueue('order-events', { durable: true, deadLetterExchange: 'orders.dlx' });
// Retries: one waiting queue per delay, expiring back into order-events via a fanout exchange.
await ch.assertExchange('order-events.retry-return', 'fanout', { durable: true });
await ch.bindQueue('order-events', 'order-events.retry-return', '');
for (const ms of BACKOFF_MS) {
  await ch.assertQueue(`order-events.retry-${ms}ms`, {
    durable: true,
    messageTtl: ms,
    deadLetterExchange: 'order-events.retry-return',
  });
}

// Simulated handler: both failures look transient, but only A1002's goes away in time.
function handle(orderId: string, attempt: number): void {
  if (orderId === 'A1002' && attempt < 3) throw new Error('payment gateway timeout');
  if (orderId === 'A1003') throw new Error('fraud-check service unavailable');
}

let closed = false;
let finished = 0;
let idle = setTimeout(finish, 6000);

await ch.consume('order-events', (msg) => {
  if (!msg) return;
  const attempt = Number(msg.properties.headers?.attempt ?? 1);
  const { orderId } = JSON.parse(msg.content.toString()) as { orderId: string };
  clearTimeout(idle);
  idle = setTimeout(finish, 6000);
  try {
    handle(orderId, attempt);
    console.log(`${orderId} attempt ${attempt}: ok`);
    ch.ack(msg);
  } catch (err) {
    const reason = (err as Error).message;
    const delay = BACKOFF_MS[attempt - 1];
    if (delay !== undefined) {
      console.log(`${orderId} attempt ${attempt}: ${reason} -> retry in ${delay} ms`);
      // Park a copy with attempt+1, and ack the original only once the broker has the copy.
      ch.sendToQueue(
        `order-events.retry-${delay}ms`,
        msg.content,
        { persistent: true, headers: { attempt: attempt + 1 } },
        (confirmErr) => (confirmErr ? ch.nack(msg) : ch.ack(msg)),
      );
      return;
    }
    console.log(`${orderId} attempt ${attempt}: ${reason} -> dead-letter`);
    ch.nack(msg, false, false); // out of attempts: the queue dead-letters it to orders.dlx
  }
  if (++finished === 3) void finish(); // every event has reached a final outcome
});

async function finish() {
  if (closed) return;
  closed = true;
  clearTimeout(idle);
  await sleep(300); // dead-lettering happens asynchronously inside the broker
  const { messageCount } = await ch.checkQueue('orders.dead');
  console.log(`orders.dead now holds ${messageCount} message(s) for a human to inspect`);
  // Close the channel first: it is ordered behind our acks, the connection close is not.
  await ch.close();
  await conn.close();
}
