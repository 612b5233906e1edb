import amqp from 'amqplib';
import type { Channel } from 'amqplib';

const EXPECTED = { emails: 5, invoices: 3 };
const IDLE_MS = 3000;

const conn = await amqp.connect('amqp://localhost');
const channels: Channel[] = [];
let handled = 0;
let idle = setTimeout(finish, IDLE_MS);

// One channel per consumer: each gets its own prefetch window and its own failure domain.
for (const [queue, prefetch] of [
  ['emails', 5],
  ['invoices', 1],
] as const) {
  const ch = await conn.createChannel();
  channels.push(ch);
  await ch.assertQueue(queue, { durable: true });
  await ch.prefetch(prefetch);
  await ch.consume(queue, (msg) => {
    if (!msg) return;
    console.log(`[${queue} channel] ${msg.content.toString()}`);
    ch.ack(msg);
    handled++;
    clearTimeout(idle);
    idle = setTimeout(finish, handled >= EXPECTED.emails + EXPECTED.invoices ? 100 : IDLE_MS);
  });
}

async function finish() {
  console.log(`worker handled ${handled} messages`);
  // Channels first, so every ack is on the wire before the connection closes.
  for (const ch of channels) await ch.close();
  await conn.close();
}
