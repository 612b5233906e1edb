import amqp from 'amqplib';
import type { Channel } from 'amqplib';

// One connection for the whole process; every task gets its own channel.
const conn = await amqp.connect('amqp://localhost');
conn.on('error', (err) => console.log(`connection error: ${err.message}`));

async function runTask(name: string, work: (ch: Channel) => Promise<void>): Promise<void> {
  const ch = await conn.createChannel();
  // A channel error is emitted as 'error'; without a listener it would crash the process.
  ch.on('error', (err) => console.log(`[${name}] channel closed by broker: ${err.message}`));
  try {
    await work(ch);
    console.log(`[${name}] done`);
  } catch (err) {
    console.log(`[${name}] failed: ${(err as Error).message}`);
  } finally {
    await ch.close().catch(() => {}); // already closed if the broker killed it
  }
}

async function publishAll(ch: Channel, queue: string, count: number): Promise<void> {
  await ch.assertQueue(queue, { durable: true });
  for (let i = 1; i <= count; i++) {
    ch.sendToQueue(queue, Buffer.from(`${queue} #${i}`), { persistent: true });
  }
}

await Promise.all([
  runTask('emails', (ch) => publishAll(ch, 'emails', 5)),
  runTask('invoices', (ch) => publishAll(ch, 'invoices', 3)),
  // This queue was never declared: the broker answers 404 and closes this channel only.
  runTask('archive', async (ch) => {
    await ch.checkQueue('archive');
  }),
]);

// The connection survived the failed task: a new channel opens fine.
const ch = await conn.createChannel();
const { messageCount } = await ch.assertQueue('emails', { durable: true });
console.log(`connection still healthy; emails waiting: ${messageCount}`);
await ch.close();
await conn.close();
