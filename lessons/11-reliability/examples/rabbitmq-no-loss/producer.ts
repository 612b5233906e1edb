import { connect } from 'amqplib';

const conn = await connect('amqp://localhost');
// A confirm channel: the broker acks each publish once it has taken responsibility for it.
const ch = await conn.createConfirmChannel();
// durable: the queue itself survives a broker restart (RabbitMQ 4.x insists on it anyway).
await ch.assertQueue('orders', { durable: true });

// With mandatory, a message that matches no queue comes back instead of vanishing.
// The broker still confirms it, so a confirm alone does not prove it reached a queue.
const unroutable: string[] = [];
ch.on('return', (msg) => unroutable.push(String(msg.properties.messageId)));

for (let i = 1; i <= 5; i++) {
  const order = { orderId: `order-${i}`, amount: 20 * i };
  ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)), {
    persistent: true, // written to disk, not only kept in memory
    mandatory: true,
    messageId: order.orderId,
    contentType: 'application/json',
  });
}

// Resolves when every publish above is confirmed; rejects if the broker nacked any of them.
// Until then the producer still owns the messages: a real service would keep them and retry.
await ch.waitForConfirms();
if (unroutable.length > 0) throw new Error(`no queue took ${unroutable.join(', ')}`);
console.log('broker confirmed 5 persistent orders');

await ch.close();
await conn.close();
