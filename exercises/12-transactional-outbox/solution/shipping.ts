import amqp from 'amqplib';
import pg from 'pg';

const IDLE_STOP_MS = 3000;

const db = new pg.Client();
await db.connect();

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertExchange('order-events', 'fanout', { durable: true });
await ch.assertQueue('shipping', { durable: true });
await ch.bindQueue('shipping', 'order-events', '');
await ch.prefetch(1);
// One shipment per order, enforced by the database: a repeated event changes nothing.
await db.query('CREATE UNIQUE INDEX IF NOT EXISTS shipments_one_per_order ON shipments (order_id)');

let lastEventAt = Date.now();
let line = Promise.resolve();
await ch.consume('shipping', (msg) => {
  if (!msg) return;
  lastEventAt = Date.now();
  line = line.then(async () => {
    const event = JSON.parse(msg.content.toString()) as { orderId: string };
    // Hand the parcel to the carrier — once, however often the event arrives.
    await db.query('INSERT INTO shipments (order_id) VALUES ($1) ON CONFLICT DO NOTHING', [
      event.orderId,
    ]);
    ch.ack(msg);
    lastEventAt = Date.now();
  });
});

const idle = setInterval(async () => {
  if (Date.now() - lastEventAt < IDLE_STOP_MS) return;
  clearInterval(idle);
  await line;
  await ch.close();
  await conn.close();
  await db.end();
}, 200);
