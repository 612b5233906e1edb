import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
// Both sides declare the queue: whichever starts first creates it, the other finds it.
await ch.assertQueue('hello', { durable: true });

for (let i = 1; i <= 10; i++) {
  ch.sendToQueue('hello', Buffer.from(`hello #${i}`), { persistent: true });
  console.log(`sent hello #${i}`);
  await new Promise((resolve) => setTimeout(resolve, 200)); // slow enough to watch
}
await conn.close();
