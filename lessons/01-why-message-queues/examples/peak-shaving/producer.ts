import amqp from 'amqplib';

// A checkout spike: 30 orders land within a few milliseconds.
const BURST = 30;

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
// Durable queue + persistent messages: the backlog survives a broker restart.
await ch.assertQueue('orders', { durable: true });

const started = Date.now();
for (let i = 1; i <= BURST; i++) {
  const order = { orderId: `A${1000 + i}`, amount: 19.9 + i };
  ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
}
// The web tier can answer "order received" as soon as the broker has the orders,
// long before they are processed.
await ch.waitForConfirms();
console.log(`accepted ${BURST} orders in ${Date.now() - started} ms`);

await conn.close();
