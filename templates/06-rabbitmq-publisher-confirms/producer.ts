import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
// A confirm channel: the broker answers every publish with ack (stored) or nack (refused).
const ch = await conn.createConfirmChannel();
// Small on purpose: once 5 messages wait, the broker nacks new ones instead of dropping old ones.
await ch.assertQueue('invoices', { durable: true, maxLength: 5, overflow: 'reject-publish' });

function publish(invoice: string): Promise<boolean> {
  return new Promise((resolve) => {
    ch.sendToQueue('invoices', Buffer.from(invoice), { persistent: true }, (err) => resolve(!err));
  });
}

let pending = Array.from({ length: 10 }, (_, i) => `invoice-${i + 1}`);
const deadline = Date.now() + 12_000;
for (let round = 1; pending.length > 0 && Date.now() < deadline; round++) {
  const results = await Promise.all(pending.map(publish));
  const refused = pending.filter((_, i) => !results[i]);
  console.log(
    `round ${round}: ${pending.length - refused.length} confirmed, ${refused.length} nacked`,
  );
  pending = refused;
  if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the consumer drain
}
console.log(
  pending.length === 0
    ? 'every invoice is safely on the broker'
    : `gave up on ${pending.join(', ')}`,
);
await conn.close();
