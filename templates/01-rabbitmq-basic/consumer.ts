import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('hello', { durable: true });

const EXPECTED = 10;
let received = 0;
const idle = setTimeout(() => void conn.close(), 8_000); // stop even if fewer arrive

await ch.consume('hello', (msg) => {
  if (!msg) return; // the broker cancelled the consumer
  console.log(`received ${msg.content.toString()}`);
  ch.ack(msg); // manual ack: the broker forgets the message only now
  if (++received === EXPECTED) {
    clearTimeout(idle);
    void conn.close();
  }
});
