import amqp from 'amqplib';
import type { Channel } from 'amqplib';

// One waiting queue per delay: every message in a queue shares the same TTL,
// so the one at the head always expires first and nothing gets stuck behind it.
const DELAYS_MS = [1000, 3000];

async function declareTopology(ch: Channel): Promise<void> {
  await ch.assertExchange('reminders', 'direct', { durable: true });
  await ch.assertQueue('reminders', { durable: true });
  await ch.bindQueue('reminders', 'reminders', 'due');
  for (const ms of DELAYS_MS) {
    // Nobody consumes these: messages sit out their TTL, then are dead-lettered to 'reminders'.
    await ch.assertQueue(`reminders.wait-${ms}ms`, {
      durable: true,
      messageTtl: ms,
      deadLetterExchange: 'reminders',
      deadLetterRoutingKey: 'due',
    });
  }
}

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await declareTopology(ch);

const jobs = [
  { text: 'cancel order A1001 if still unpaid', delay: 3000 },
  { text: 'cancel order A1002 if still unpaid', delay: 3000 },
  { text: 'nudge user 42 about their cart', delay: 1000 },
  { text: 'nudge user 43 about their cart', delay: 1000 },
];
for (const job of jobs) {
  const body = Buffer.from(JSON.stringify({ ...job, sentAt: Date.now() }));
  ch.sendToQueue(`reminders.wait-${job.delay}ms`, body, { persistent: true });
  console.log(`scheduled in ${job.delay} ms: ${job.text}`);
}
await ch.waitForConfirms();
await conn.close();
