import amqp from 'amqplib';
import type { XDeath } from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();

// Rejected messages go to orders.dlx, which fans them out to the orders.dead queue.
await ch.assertExchange('orders.dlx', 'fanout', { durable: true });
await ch.assertQueue('orders.dead', { durable: true });
await ch.bindQueue('orders.dead', 'orders.dlx', '');
await ch.assertQueue('order-events', { durable: true, deadLetterExchange: 'orders.dlx' });
await ch.prefetch(10);

let settled = 0;
let idle = setTimeout(finish, 4000);
const tick = () => {
  clearTimeout(idle);
  idle = setTimeout(finish, ++settled >= 6 ? 100 : 4000); // 4 events + 2 dead letters
};

await ch.consume('order-events', (msg) => {
  if (!msg) return;
  try {
    const event = JSON.parse(msg.content.toString()) as { orderId: string; amount: number };
    if (!(event.amount > 0)) throw new Error(`invalid amount ${event.amount}`);
    console.log(`processed ${event.orderId}`);
    ch.ack(msg);
  } catch (err) {
    // Retrying cannot fix bad data: reject without requeue so it is dead-lettered.
    console.log(`rejecting: ${(err as Error).message}`);
    ch.nack(msg, false, false);
  }
  tick();
});

// In production an operator or a repair job reads this queue; here we just print why.
await ch.consume('orders.dead', (msg) => {
  if (!msg) return;
  const [death] = (msg.properties.headers?.['x-death'] ?? []) as XDeath[];
  console.log(`dead letter ${msg.content.toString()}`);
  console.log(`  x-death: queue=${death?.queue} reason=${death?.reason} count=${death?.count}`);
  ch.ack(msg);
  tick();
});

async function finish() {
  // Close the channel first: it is ordered behind our acks, the connection close is not.
  await ch.close();
  await conn.close();
}
