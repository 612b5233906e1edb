import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertExchange('logs', 'topic', { durable: true });
await ch.assertQueue('eu-audit', { durable: true });
// * matches exactly one word, # matches zero or more: this queue gets everything from the EU region.
await ch.bindQueue('eu-audit', 'logs', '*.eu.#');

const EXPECTED = 3;
let received = 0;
const idle = setTimeout(() => void conn.close(), 8_000);

await ch.consume('eu-audit', (msg) => {
  if (!msg) return;
  console.log(`eu-audit got [${msg.fields.routingKey}] ${msg.content.toString()}`);
  ch.ack(msg);
  if (++received === EXPECTED) {
    clearTimeout(idle);
    void conn.close();
  }
});
