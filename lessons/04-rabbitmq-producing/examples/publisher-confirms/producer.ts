import amqp from 'amqplib';

const N = 100;
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();

// Resolves on the broker's ack, rejects on its nack (or if the channel dies first).
function publishConfirmed(queue: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    ch.sendToQueue(queue, Buffer.from(text), { persistent: true }, (err) =>
      err ? reject(err) : resolve(),
    );
  });
}

// 1) Await every confirm before the next publish: safe, but one round trip per message.
await ch.assertQueue('audit-log', { durable: true });
let started = Date.now();
for (let i = 1; i <= N; i++) await publishConfirmed('audit-log', `entry ${i}`);
console.log(`one at a time: ${N} confirmed in ${Date.now() - started} ms`);

// 2) Publish a batch, then wait once: the same guarantee with far fewer waits.
started = Date.now();
for (let i = 1; i <= N; i++) {
  ch.sendToQueue('audit-log', Buffer.from(`entry ${N + i}`), { persistent: true });
}
await ch.waitForConfirms();
console.log(`batched:       ${N} confirmed in ${Date.now() - started} ms`);

// 3) A confirm can be negative: this queue keeps 5 messages and refuses the rest.
await ch.assertQueue('flash-sale', { durable: true, maxLength: 5, overflow: 'reject-publish' });
const outcomes = await Promise.all(
  Array.from({ length: 8 }, (_, i) =>
    publishConfirmed('flash-sale', `bid ${i + 1}`).then(
      () => 'ack',
      () => 'nack',
    ),
  ),
);
outcomes.forEach((outcome, i) => console.log(`bid ${i + 1}: ${outcome}`));
// With only waitForConfirms you would learn that something failed, not which message.

await conn.close();
