import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
// Same arguments as the consumer's declaration, or the broker refuses with PRECONDITION_FAILED.
await ch.assertQueue('order-events', { durable: true, deadLetterExchange: 'orders.dlx' });

const events = [
  '{"orderId":"A1001","type":"created","amount":59}',
  '{"orderId":"A1002","type":"created","amount":-5}', // fails validation
  '{"orderId":"A1003","type":"paid","amount":120}',
  '{"orderId":"A1004","type":"created","amount":', // truncated JSON
];
for (const text of events) {
  ch.sendToQueue('order-events', Buffer.from(text), { persistent: true });
}
await ch.waitForConfirms();
console.log(`published ${events.length} order events`);
await conn.close();
