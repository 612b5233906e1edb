import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertExchange('logs', 'topic', { durable: true });
await ch.assertQueue('alerts', { durable: true });
// * matches exactly one word, # matches zero or more: this queue gets every error, from every service and region.
await ch.bindQueue('alerts', 'logs', '*.*.error');

const EXPECTED = 2;
let received = 0;
const idle = setTimeout(() => void conn.close(), 8_000);

await ch.consume('alerts', (msg) => {
  if (!msg) return;
  console.log(`alerts got [${msg.fields.routingKey}] ${msg.content.toString()}`);
  ch.ack(msg);
  if (++received === EXPECTED) {
    clearTimeout(idle);
    void conn.close();
  }
});
