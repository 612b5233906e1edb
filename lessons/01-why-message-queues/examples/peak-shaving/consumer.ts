import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const EXPECTED = 30;
const WRITE_MS = 200; // each order costs one slow database write
const IDLE_MS = 4000; // give up if nothing arrives for this long

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });
// The database pool has 2 connections, so we take at most 2 orders at a time.
// Everything else waits in the broker, not in our memory.
await ch.prefetch(2);

let processed = 0;
let closed = false;
let idle = setTimeout(finish, IDLE_MS);

// Sample the backlog: it jumps when the burst lands, then drains at our own pace.
const sampler = setInterval(() => {
  ch.checkQueue('orders').then(
    ({ messageCount }) => console.log(`backlog ${messageCount} | processed ${processed}`),
    () => {}, // the channel is closing; nothing to report
  );
}, 500);

await ch.consume('orders', async (msg) => {
  if (!msg) return;
  await sleep(WRITE_MS);
  if (closed) return;
  ch.ack(msg);
  processed++;
  clearTimeout(idle);
  if (processed >= EXPECTED) await finish();
  else idle = setTimeout(finish, IDLE_MS);
});

async function finish() {
  if (closed) return;
  closed = true;
  clearInterval(sampler);
  clearTimeout(idle);
  console.log(`done: ${processed} orders written, never more than 2 at once`);
  // Close the channel first: it is ordered behind our acks, the connection close is not.
  await ch.close();
  await conn.close();
}
