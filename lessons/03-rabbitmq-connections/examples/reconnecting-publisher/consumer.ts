import amqp from 'amqplib';

const TOTAL = 8;
const IDLE_MS = 7000; // long enough to sit through the publisher's outage

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });

// Resends can produce duplicates, so count distinct order ids.
const seen = new Set<string>();
let idle = setTimeout(finish, IDLE_MS);

await ch.consume('orders', (msg) => {
  if (!msg) return;
  const { orderId } = JSON.parse(msg.content.toString()) as { orderId: string };
  console.log(seen.has(orderId) ? `duplicate ${orderId} (ignored)` : `received ${orderId}`);
  seen.add(orderId);
  ch.ack(msg);
  clearTimeout(idle);
  idle = seen.size >= TOTAL ? setTimeout(finish, 300) : setTimeout(finish, IDLE_MS);
});

async function finish() {
  console.log(`${seen.size} distinct orders received`);
  // Close the channel first: it is ordered behind our acks, the connection close is not.
  await ch.close();
  await conn.close();
}
