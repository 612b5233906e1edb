import amqp from 'amqplib';
import type { XDeath } from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();

await ch.assertExchange('payments.dlx', 'fanout', { durable: true });
await ch.assertQueue('payments.dead', { durable: true });
await ch.bindQueue('payments.dead', 'payments.dlx', '');
// Quorum queues are replicated (Raft) and always durable. Set the limit explicitly:
// 3.x has no default, 4.x defaults to 20.
await ch.assertQueue('payments', {
  durable: true,
  deadLetterExchange: 'payments.dlx',
  arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 3 },
});
await ch.prefetch(5);

let settled = 0;
let idle = setTimeout(finish, 5000);
const tick = () => {
  clearTimeout(idle);
  idle = setTimeout(finish, ++settled >= 3 ? 100 : 5000); // 2 paid + 1 dead letter
};

await ch.consume('payments', (msg) => {
  if (!msg) return;
  const { orderId } = JSON.parse(msg.content.toString()) as { orderId: string };
  // The broker counts failed deliveries for us; the header is absent on the first one.
  const failures = Number(msg.properties.headers?.['x-delivery-count'] ?? 0);
  if (orderId === 'A1002') {
    // A bug we have not fixed yet: naive code requeues forever; the queue's limit stops it.
    console.log(`${orderId} failed (previous failures: ${failures}) -> requeue`);
    ch.nack(msg, false, true);
    return;
  }
  console.log(`${orderId} paid`);
  ch.ack(msg);
  tick();
});

await ch.consume('payments.dead', (msg) => {
  if (!msg) return;
  const [death] = (msg.properties.headers?.['x-death'] ?? []) as XDeath[];
  console.log(`dead letter: ${msg.content.toString()} reason=${death?.reason}`);
  ch.ack(msg);
  tick();
});

async function finish() {
  // Close the channel first: it is ordered behind our acks, the connection close is not.
  await ch.close();
  await conn.close();
}
