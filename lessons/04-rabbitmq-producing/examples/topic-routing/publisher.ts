import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();

// Both scripts declare the same topology: whichever starts first creates it,
// and no event is published before its bindings exist.
await ch.assertExchange('order-events', 'topic', { durable: true });
const bindings = [
  ['audit', 'order.#'], // every order event
  ['billing', 'order.*.paid'], // paid events from any region
  ['cn-warehouse', 'order.cn.*'], // anything that happens to a CN order
] as const;
for (const [queue, pattern] of bindings) {
  await ch.assertQueue(queue, { durable: true });
  await ch.bindQueue(queue, 'order-events', pattern);
}

// Routing key = order.<region>.<event>
const keys = [
  'order.cn.created',
  'order.cn.paid',
  'order.eu.paid',
  'order.eu.cancelled',
  'order.us.created',
  'refund.cn.issued', // matches no binding: the exchange silently drops it
];
for (const key of keys) {
  ch.publish('order-events', key, Buffer.from(JSON.stringify({ key, at: Date.now() })), {
    persistent: true,
  });
  console.log(`published ${key}`);
}
await ch.waitForConfirms();
await conn.close();
