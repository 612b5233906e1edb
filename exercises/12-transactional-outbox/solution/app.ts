import amqp from 'amqplib';
import type { ConsumeMessage } from 'amqplib';
import pg from 'pg';

interface OrderRequest {
  orderId: string;
  customerId: string;
  totalCents: number;
}

const IDLE_STOP_MS = 2000;

// The run's own database: new pg.Client() reads PGHOST, PGDATABASE, PGUSER… from the environment.
const db = new pg.Client();
await db.connect();

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('checkout', { durable: true });
await ch.prefetch(1);

async function placeOrder(request: OrderRequest): Promise<void> {
  const { orderId, customerId, totalCents } = request;
  await db.query('BEGIN');
  try {
    await db.query('INSERT INTO orders (id, customer_id, total_cents) VALUES ($1, $2, $3)', [
      orderId,
      customerId,
      totalCents,
    ]);
    const event = { type: 'order-created', orderId, customerId, totalCents };
    // The event is a row in the same transaction: both commit, or neither does.
    // relay.ts publishes it later, whatever happens to this process or to the broker.
    await db.query('INSERT INTO outbox (event_type, payload) VALUES ($1, $2)', [
      event.type,
      JSON.stringify(event),
    ]);
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK').catch(() => {});
    console.log(`order ${orderId} rejected: ${(err as Error).message}`);
  }
}

let lastRequestAt = Date.now();
let line = Promise.resolve();
await ch.consume('checkout', (msg: ConsumeMessage | null) => {
  if (!msg) return;
  lastRequestAt = Date.now();
  line = line.then(async () => {
    await placeOrder(JSON.parse(msg.content.toString()) as OrderRequest);
    ch.ack(msg);
    lastRequestAt = Date.now();
  });
});

const idle = setInterval(async () => {
  if (Date.now() - lastRequestAt < IDLE_STOP_MS) return;
  clearInterval(idle);
  await line;
  await ch.close();
  await conn.close();
  await db.end();
}, 200);
