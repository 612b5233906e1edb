import { connect } from 'amqplib';

const conn = await connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('emails', { durable: true });
await ch.prefetch(3); // bounded: at most 3 emails are ever half-done

const inFlight = new Set<Promise<void>>();
let sent = 0;
// Safety net so the demo ends even if no email ever arrives.
const idle = setTimeout(() => void shutdown('idle'), 8000);

async function sendEmail(to: string) {
  await new Promise((resolve) => setTimeout(resolve, 400)); // a slow SMTP call
  sent++;
  console.log(`sent to ${to}`);
}

let deployTimer: NodeJS.Timeout | undefined;
const { consumerTag } = await ch.consume('emails', (msg) => {
  if (!msg) return;
  // In this demo "the deploy" arrives 1.5 s after the first email.
  deployTimer ??= setTimeout(() => void shutdown('deploy'), 1500);
  const job = sendEmail(JSON.parse(msg.content.toString()).to)
    .then(() => ch.ack(msg))
    .catch(() => ch.nack(msg, false, true)) // failed: give it back for another try
    .finally(() => inFlight.delete(job));
  inFlight.add(job);
});

let shuttingDown = false;
async function shutdown(reason: string) {
  if (shuttingDown) return; // SIGTERM and SIGINT can both arrive
  shuttingDown = true;
  clearTimeout(idle);
  clearTimeout(deployTimer);
  console.log(`${reason}: stop taking new emails, finish ${inFlight.size} in flight`);
  await ch.cancel(consumerTag); // 1. no new deliveries
  await Promise.allSettled(inFlight); // 2. let started work finish and ack
  const { messageCount } = await ch.checkQueue('emails');
  await ch.close(); // 3. then close, in this order
  await conn.close();
  console.log(`sent ${sent}; ${messageCount} still queued for the next instance`);
}

// What Kubernetes, systemd or Ctrl+C send before killing the process.
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
