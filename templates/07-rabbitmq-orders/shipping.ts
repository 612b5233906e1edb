import amqp from 'amqplib';

type Order = { orderId: string; customer: string; seq: number; cents: number };
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertExchange('orders', 'fanout', { durable: true });
// shipping's own queue: it sees every order, whatever the other services do.
await ch.assertQueue('shipping', { durable: true });
await ch.bindQueue('shipping', 'orders', '');

const EXPECTED = 12;
let received = 0;
const idle = setTimeout(() => void conn.close(), 12_000);

await ch.consume('shipping', (msg) => {
  if (!msg) return;
  const order = JSON.parse(msg.content.toString()) as Order;
  console.log(`packing ${order.orderId} for ${order.customer}`);
  ch.ack(msg);
  if (++received === EXPECTED) {
    clearTimeout(idle);
    void conn.close();
  }
});
