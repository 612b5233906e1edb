import amqp from 'amqplib';

// The shop: 25 orders a second for 9.5 s, plus a burst of 90 at 1 s (a flash sale).
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });
const startedAt = Date.now();
let n = 0;
let burstSent = false;
const publish = () => {
  const order = { orderId: `order-${++n}`, createdAt: Date.now() };
  ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)));
};
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const elapsed = Date.now() - startedAt;
    if (elapsed >= 9500) {
      clearInterval(timer);
      resolve();
      return;
    }
    publish();
    if (!burstSent && elapsed >= 1000) {
      burstSent = true;
      for (let i = 0; i < 90; i++) publish();
    }
  }, 40);
});
await ch.close();
await conn.close();
