import amqp from 'amqplib';

// The shop: 20 paid orders land in the `orders` queue at once.
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertQueue('orders', { durable: true });
for (let i = 1; i <= 20; i++) {
  const order = { orderId: `order-${i}`, items: 1 + (i % 3) };
  ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
}
await ch.waitForConfirms();
await ch.close();
await conn.close();
