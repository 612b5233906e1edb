import amqp from 'amqplib';
import type { Channel } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const EXPECTED = 12;
const conn = await amqp.connect('amqp://localhost');
const channels: Channel[] = [];
const handled: Record<string, number> = {};
let total = 0;
let idle = setTimeout(finish, 4000);

// Two workers on separate channels: one fast machine, one slow one.
async function startWorker(name: string, renderMs: number): Promise<void> {
  const ch = await conn.createChannel();
  channels.push(ch);
  await ch.assertQueue('invoices', { durable: true });
  // At most one unacked job per worker: the broker sends the next job
  // to whichever worker has just freed up, instead of strict round-robin.
  await ch.prefetch(1);
  handled[name] = 0;
  await ch.consume(
    'invoices',
    async (msg) => {
      if (!msg) return;
      const { orderId } = JSON.parse(msg.content.toString()) as { orderId: string };
      await sleep(renderMs); // render the PDF
      // Ack only after the work is done: if we crash before this line, the job is redelivered.
      ch.ack(msg);
      handled[name] = (handled[name] ?? 0) + 1;
      console.log(`${name} rendered ${orderId}`);
      clearTimeout(idle);
      idle = setTimeout(finish, ++total >= EXPECTED ? 100 : 4000);
    },
    { noAck: false },
  );
}

await startWorker('fast', 100);
await startWorker('slow', 400);

async function finish() {
  console.log(`jobs per worker: ${JSON.stringify(handled)}`);
  // Channels first, so every ack is on the wire before the connection closes.
  for (const ch of channels) await ch.close();
  await conn.close();
}
