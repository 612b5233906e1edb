import amqp from 'amqplib';

const MAX_ATTEMPTS = 3;
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();

// Rejected messages are dead-lettered to payments.dlx, which fans them out to payments.dead.
await ch.assertExchange('payments.dlx', 'fanout', { durable: true });
await ch.assertQueue('payments.dead', { durable: true });
await ch.bindQueue('payments.dead', 'payments.dlx', '');
await ch.assertQueue('payments', { durable: true, deadLetterExchange: 'payments.dlx' });
await ch.prefetch(10);

type Payment = { paymentId: string; card: string; cents: number };
async function charge(payment: Payment, attempt: number) {
  await new Promise((resolve) => setTimeout(resolve, 100)); // the provider's round trip
  if (payment.card === 'declined') throw new Error('card declined');
  if (payment.card === 'flaky' && attempt === 1) throw new Error('provider timeout');
}

// Stop after 8 quiet seconds: time to replay the dead letter from the playground's panel.
let idle = setTimeout(finish, 12_000);
async function finish() {
  const { messageCount } = await ch.checkQueue('payments.dead');
  console.log(`payments.dead holds ${messageCount} message(s) for a human to look at`);
  await conn.close();
}

await ch.consume('payments', async (msg) => {
  if (!msg) return;
  clearTimeout(idle);
  idle = setTimeout(finish, 8_000);
  const payment = JSON.parse(msg.content.toString()) as Payment;
  // Our own attempt counter: classic queues do not count redeliveries for us.
  const attempt = Number(msg.properties.headers?.['x-attempt'] ?? 1);
  try {
    await charge(payment, attempt);
    ch.ack(msg);
    console.log(`${payment.paymentId}: charged on attempt ${attempt}`);
  } catch (err) {
    const reason = (err as Error).message;
    if (attempt < MAX_ATTEMPTS) {
      // Back off, then put a copy with attempt + 1 at the end of the queue and drop this one.
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      const headers = { ...msg.properties.headers, 'x-attempt': attempt + 1 };
      ch.sendToQueue('payments', msg.content, {
        persistent: true,
        messageId: msg.properties.messageId,
        headers,
      });
      ch.ack(msg);
      console.log(`${payment.paymentId}: attempt ${attempt} failed (${reason}), retrying`);
      return;
    }
    // Out of attempts: reject without requeue, so the broker dead-letters it (reason "rejected").
    ch.nack(msg, false, false);
    console.log(`${payment.paymentId}: giving up after ${attempt} attempts (${reason})`);
  }
});
