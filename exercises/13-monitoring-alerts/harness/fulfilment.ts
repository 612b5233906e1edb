import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

// Fulfilment: handles up to ~100 orders a second. The exercise pauses it from 3 s to 7.5 s
// (a downstream outage), which is what builds the backlog your monitor must notice.
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });
await ch.prefetch(20);
let lastMessageAt = Date.now();
let line = Promise.resolve();
await ch.consume('orders', (msg) => {
  if (!msg) return;
  lastMessageAt = Date.now();
  line = line.then(async () => {
    await sleep(10);
    ch.ack(msg);
    lastMessageAt = Date.now();
  });
});
// Stop after 1.5 s without orders. A paused (frozen) process sees the clock jump when it is
// thawed: that gap is not idleness, so it restarts the count.
let lastTick = Date.now();
const idle = setInterval(async () => {
  const now = Date.now();
  if (now - lastTick > 500) lastMessageAt = now;
  lastTick = now;
  if (now - lastMessageAt < 1500) return;
  clearInterval(idle);
  await line;
  await ch.close();
  await conn.close();
}, 100);
