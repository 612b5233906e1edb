import amqp from 'amqplib';

// The warehouse: takes every order from the `orders` queue. Stops after 2.5 s without one.
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });
let lastOrderAt = Date.now();
await ch.consume('orders', (msg) => {
  if (!msg) return;
  lastOrderAt = Date.now();
  ch.ack(msg);
});
const idle = setInterval(async () => {
  if (Date.now() - lastOrderAt < 2500) return;
  clearInterval(idle);
  await ch.close();
  await conn.close();
}, 200);
