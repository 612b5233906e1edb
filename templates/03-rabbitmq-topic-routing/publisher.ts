import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertExchange('logs', 'topic', { durable: true });

// A topic exchange drops messages that match no binding. mandatory: true asks the broker
// to return them instead, so we can see which keys nobody listens to.
ch.on('return', (msg) => console.log(`unroutable: ${msg.fields.routingKey}`));

// Give the consumers a moment to bind their queues: messages published before that are lost.
await new Promise((resolve) => setTimeout(resolve, 2_000));

const lines = [
  ['orders.eu.info', 'order A1001 created'],
  ['orders.us.error', 'payment provider timed out'],
  ['billing.eu.error', 'invoice 77 failed to render'],
  ['billing.us.info', 'invoice 78 sent'],
  ['orders.eu.warn', 'stock low for SKU-7'],
  ['search.ap.debug', 'cache warmed'],
] as const;
for (const [key, text] of lines) {
  ch.publish('logs', key, Buffer.from(text), { mandatory: true });
  console.log(`published ${key}: ${text}`);
  await new Promise((resolve) => setTimeout(resolve, 300));
}
await ch.waitForConfirms();
await conn.close();
