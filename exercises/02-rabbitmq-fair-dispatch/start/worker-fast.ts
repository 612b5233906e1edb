import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

const WORKER = 'fast';
const IDLE_STOP_MS = 2000;

// Rendering one PDF takes 60 ms on this worker (a new machine). Keep it as it is.
async function render(invoiceId: string): Promise<void> {
  await sleep(60);
}

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('invoices', { durable: true });
await ch.assertQueue('rendered', { durable: true });

let lastMessageAt = Date.now();
// One render at a time on this machine.
let busy = Promise.resolve();

await ch.consume('invoices', (msg) => {
  if (!msg) return;
  lastMessageAt = Date.now();
  busy = busy.then(async () => {
    const { invoiceId } = JSON.parse(msg.content.toString()) as { invoiceId: string };
    await render(invoiceId);
    ch.sendToQueue('rendered', Buffer.from(JSON.stringify({ invoiceId, worker: WORKER })));
    ch.ack(msg);
    lastMessageAt = Date.now();
  });
});

const idle = setInterval(async () => {
  if (Date.now() - lastMessageAt < IDLE_STOP_MS) return;
  clearInterval(idle);
  await busy;
  await ch.close();
  await conn.close();
}, 200);
