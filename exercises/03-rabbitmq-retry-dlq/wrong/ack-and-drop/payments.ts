import amqp from 'amqplib';
import type { ConsumeMessage } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

interface Payment {
  paymentId: string;
  cents: number;
}

// ---- The card gateway, simulated. Keep this part as it is. ----
const tries = new Map<string, number>();
const firstTryAt = new Map<string, number>();
async function chargeCard(payment: Payment): Promise<void> {
  await sleep(20);
  const id = payment.paymentId;
  tries.set(id, (tries.get(id) ?? 0) + 1);
  if (!firstTryAt.has(id)) firstTryAt.set(id, Date.now());
  if (id === 'pay-2' && tries.get(id) === 1) throw new Error('gateway timeout');
  if (id === 'pay-4' && Date.now() - firstTryAt.get(id)! < 700)
    throw new Error('gateway overloaded');
  if (id === 'pay-5') throw new Error('card blocked');
}
// ---------------------------------------------------------------

const IDLE_STOP_MS = 2500;
const BACKOFF_MS = [250, 500, 1000]; // wait before attempts 2, 3 and 4
const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

const conn = await amqp.connect('amqp://localhost');
// Confirms: the original is acked only once the broker holds its retry copy.
const ch = await conn.createConfirmChannel();
// The topology checkout.ts uses: failures rejected from `payments` land in `payments.dead`.
await ch.assertExchange('payments.dlx', 'fanout', { durable: true });
await ch.assertQueue('payments.dead', { durable: true });
await ch.bindQueue('payments.dead', 'payments.dlx', '');
await ch.assertQueue('payments', { durable: true, deadLetterExchange: 'payments.dlx' });
await ch.assertQueue('receipts', { durable: true });
// One waiting room per delay: a copy sits there for its TTL, then expires back into `payments`.
for (const ms of BACKOFF_MS) {
  await ch.assertQueue(`payments.retry-${ms}`, {
    durable: true,
    messageTtl: ms,
    deadLetterExchange: '',
    deadLetterRoutingKey: 'payments',
  });
}
await ch.prefetch(10);

let lastMessageAt = Date.now();

async function handle(msg: ConsumeMessage): Promise<void> {
  const payment = JSON.parse(msg.content.toString()) as Payment;
  const attempt = Number(msg.properties.headers?.['x-attempt'] ?? 1);
  try {
    await chargeCard(payment);
    ch.sendToQueue('receipts', Buffer.from(JSON.stringify({ paymentId: payment.paymentId })));
    ch.ack(msg);
  } catch {
    if (attempt >= MAX_ATTEMPTS) {
      // Out of attempts: give up on it.
      console.log(`giving up on ${payment.paymentId}`);
      ch.ack(msg);
      return;
    }
    const delay = BACKOFF_MS[attempt - 1]!;
    ch.sendToQueue(
      `payments.retry-${delay}`,
      msg.content,
      { persistent: true, headers: { 'x-attempt': attempt + 1 } },
      (err) => (err ? ch.nack(msg) : ch.ack(msg)),
    );
  }
}

await ch.consume('payments', (msg) => {
  if (!msg) return;
  lastMessageAt = Date.now();
  void handle(msg);
});

const idle = setInterval(async () => {
  if (Date.now() - lastMessageAt < IDLE_STOP_MS) return;
  clearInterval(idle);
  await ch.close();
  await conn.close();
}, 200);
