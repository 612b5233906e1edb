import amqp from 'amqplib';
import type { Channel } from 'amqplib';

const DELAYS_MS = [1000, 3000];
const EXPECTED = 4;

// Same declarations as the producer: scripts may start in any order.
async function declareTopology(ch: Channel): Promise<void> {
  await ch.assertExchange('reminders', 'direct', { durable: true });
  await ch.assertQueue('reminders', { durable: true });
  await ch.bindQueue('reminders', 'reminders', 'due');
  for (const ms of DELAYS_MS) {
    await ch.assertQueue(`reminders.wait-${ms}ms`, {
      durable: true,
      messageTtl: ms,
      deadLetterExchange: 'reminders',
      deadLetterRoutingKey: 'due',
    });
  }
}

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await declareTopology(ch);

let received = 0;
let idle = setTimeout(finish, 6000);

// We only ever consume the destination queue; the broker does the waiting.
await ch.consume('reminders', (msg) => {
  if (!msg) return;
  const job = JSON.parse(msg.content.toString()) as { text: string; delay: number; sentAt: number };
  const reason = msg.properties.headers?.['x-death']?.[0]?.reason;
  console.log(`after ${Date.now() - job.sentAt} ms (asked ${job.delay}, ${reason}): ${job.text}`);
  ch.ack(msg);
  clearTimeout(idle);
  idle = setTimeout(finish, ++received >= EXPECTED ? 100 : 6000);
});

async function finish() {
  console.log(`${received} reminders delivered`);
  // Close the channel first: it is ordered behind our acks, the connection close is not.
  await ch.close();
  await conn.close();
}
