import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('reminders', { durable: true });

const EXPECTED = 3;
let received = 0;
const idle = setTimeout(() => void conn.close(), 10_000);

await ch.consume('reminders', (msg) => {
  if (!msg) return;
  const { text, delayMs, sentAt } = JSON.parse(msg.content.toString()) as {
    text: string;
    delayMs: number;
    sentAt: number;
  };
  const waited = Date.now() - sentAt;
  // x-death records the detour: which queue it expired in and why.
  const [death] = (msg.properties.headers?.['x-death'] ?? []) as {
    queue: string;
    reason: string;
  }[];
  console.log(
    `${text}: asked for ${delayMs} ms, arrived after ${waited} ms (${death?.reason} in ${death?.queue})`,
  );
  ch.ack(msg);
  if (++received === EXPECTED) {
    clearTimeout(idle);
    void conn.close();
  }
});
