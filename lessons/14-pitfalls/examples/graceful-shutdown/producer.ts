import { connect } from 'amqplib';

const conn = await connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertQueue('emails', { durable: true });

for (let i = 1; i <= 20; i++) {
  const email = { to: `user${i}@example.com`, template: 'order-shipped' };
  ch.sendToQueue('emails', Buffer.from(JSON.stringify(email)), { persistent: true });
}
await ch.waitForConfirms();
console.log('queued 20 emails');
await conn.close();
