import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
// fanout: every queue bound to the exchange gets its own copy of every message.
await ch.assertExchange('orders', 'fanout', { durable: true });

// Billing and shipping bind their queues when they start; an exchange keeps nothing for
// queues that are not bound yet, so give them a moment.
await new Promise((resolve) => setTimeout(resolve, 2_000));

const customers = ['alice', 'bob', 'carol'];
const seq = new Map<string, number>();
for (let i = 1; i <= 12; i++) {
  const customer = customers[i % customers.length]!;
  seq.set(customer, (seq.get(customer) ?? 0) + 1);
  const order = { orderId: `A${1000 + i}`, customer, seq: seq.get(customer), cents: 500 * i };
  ch.publish('orders', customer, Buffer.from(JSON.stringify(order)), {
    persistent: true,
    messageId: order.orderId,
  });
  console.log(`placed ${order.orderId} for ${customer}`);
  await new Promise((resolve) => setTimeout(resolve, 150));
}
await ch.waitForConfirms();
await conn.close();
