import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
// Nobody consumes reminders.wait: a message sits there until it expires, then the broker
// dead-letters it through the default exchange ('') with routing key 'reminders'.
await ch.assertQueue('reminders.wait', {
  durable: true,
  deadLetterExchange: '',
  deadLetterRoutingKey: 'reminders',
});
await ch.assertQueue('reminders', { durable: true });

// Ascending delays. Reorder them (3000 first) to see head-of-line blocking.
const reminders = [
  { text: 'nudge user 42 about their cart', delayMs: 1000 },
  { text: 'nudge user 43 about their cart', delayMs: 2000 },
  { text: 'cancel order A1001 if still unpaid', delayMs: 3000 },
];
for (const { text, delayMs } of reminders) {
  const body = JSON.stringify({ text, delayMs, sentAt: Date.now() });
  // expiration is a per-message TTL in milliseconds, given as a string.
  ch.sendToQueue('reminders.wait', Buffer.from(body), {
    persistent: true,
    expiration: String(delayMs),
  });
  console.log(`scheduled in ${delayMs} ms: ${text}`);
}
await ch.waitForConfirms();
await conn.close();
