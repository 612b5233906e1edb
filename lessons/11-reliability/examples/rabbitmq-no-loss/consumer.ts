import { connect } from 'amqplib';

const conn = await connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('orders', { durable: true });
// At most 2 unacked messages at a time: after a crash, only these go back to the queue.
await ch.prefetch(2);

const expected = 5;
let handled = 0;
let stopping = false;

async function stop() {
  if (stopping) return;
  stopping = true;
  clearTimeout(idle);
  await ch.close();
  await conn.close();
}
// Safety net so the demo always ends, even if the producer never ran.
const idle = setTimeout(stop, 8000);

async function saveOrder(order: { orderId: string; amount: number }) {
  await new Promise((resolve) => setTimeout(resolve, 100)); // stands in for a DB write
  console.log(`saved ${order.orderId} (${order.amount})`);
}

await ch.consume(
  'orders',
  async (msg) => {
    if (!msg) return; // the queue was deleted under us
    try {
      await saveOrder(JSON.parse(msg.content.toString()));
      ch.ack(msg); // ack only once the work is durable
    } catch (err) {
      console.error('save failed, handing the message back', err);
      ch.nack(msg, false, true);
      return;
    }
    if (++handled === expected) await stop();
  },
  { noAck: false }, // manual acks: the default, spelled out because it is the point
);
