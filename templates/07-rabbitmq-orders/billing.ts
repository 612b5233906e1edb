import amqp from 'amqplib';

type Order = { orderId: string; customer: string; seq: number; cents: number };
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertExchange('orders', 'fanout', { durable: true });
// billing's own queue: it sees every order, whatever the other services do.
await ch.assertQueue('billing', { durable: true });
await ch.bindQueue('billing', 'orders', '');

const EXPECTED = 12;
let received = 0;
const lastSeq = new Map<string, number>();
const idle = setTimeout(() => void conn.close(), 12_000);

await ch.consume('billing', (msg) => {
  if (!msg) return;
  const order = JSON.parse(msg.content.toString()) as Order;
  const last = lastSeq.get(order.customer) ?? 0;
  // Per-customer order matters to billing: one queue, one consumer keeps it.
  if (order.seq !== last + 1)
    console.log(`${order.customer}: expected #${last + 1}, got #${order.seq}`);
  lastSeq.set(order.customer, order.seq);
  console.log(
    `billed ${order.orderId} (${order.customer} #${order.seq}): ${(order.cents / 100).toFixed(2)}`,
  );
  ch.ack(msg);
  if (++received === EXPECTED) {
    clearTimeout(idle);
    void conn.close();
  }
});
