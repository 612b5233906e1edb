import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();
await ch.assertQueue('tasks', { durable: true });

for (let i = 1; i <= 12; i++) {
  const task = { id: `task-${i}`, resizeImage: `photo-${i}.jpg` };
  ch.sendToQueue('tasks', Buffer.from(JSON.stringify(task)), { persistent: true });
}
await ch.waitForConfirms(); // the broker has every task before we disconnect
console.log('queued 12 tasks');
await conn.close();
