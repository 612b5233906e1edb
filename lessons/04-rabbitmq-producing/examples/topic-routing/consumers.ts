import amqp from 'amqplib';

const EXPECTED = 9; // audit 5 + billing 2 + cn-warehouse 2
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();

await ch.assertExchange('order-events', 'topic', { durable: true });
const bindings = [
  ['audit', 'order.#'], // every order event
  ['billing', 'order.*.paid'], // paid events from any region
  ['cn-warehouse', 'order.cn.*'], // anything that happens to a CN order
] as const;

let received = 0;
let idle = setTimeout(finish, 4000);

for (const [queue, pattern] of bindings) {
  await ch.assertQueue(queue, { durable: true });
  await ch.bindQueue(queue, 'order-events', pattern);
  await ch.consume(queue, (msg) => {
    if (!msg) return;
    console.log(`${queue.padEnd(12)} <- ${msg.fields.routingKey}  (binding ${pattern})`);
    ch.ack(msg);
    clearTimeout(idle);
    idle = setTimeout(finish, ++received >= EXPECTED ? 200 : 4000);
  });
}

async function finish() {
  console.log(`${received} deliveries from 6 published events`);
  // Close the channel first: it is ordered behind our acks, the connection close is not.
  await ch.close();
  await conn.close();
}
