import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

// Operations. Owns the event topology, keeps an audit copy of every event, and:
// - replays the first event once, as a relay from an older deployment would (a duplicate);
// - removes the `order-events` exchange from 1.3 s to 2.8 s (a broken broker migration):
//   publishing to it fails until it is back.
const startedAt = Date.now();
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();

async function declareTopology() {
  await ch.assertExchange('order-events', 'fanout', { durable: true });
  // audit first: anything routable at all reaches the audit copy.
  for (const queue of ['audit', 'shipping']) {
    await ch.assertQueue(queue, { durable: true });
    await ch.bindQueue(queue, 'order-events', '');
  }
}
await declareTopology();

let replayed = false;
let lastEventAt = Date.now();
await ch.consume('audit', (msg) => {
  if (!msg) return;
  lastEventAt = Date.now();
  if (!replayed) {
    replayed = true;
    ch.publish('order-events', '', msg.content, { persistent: true });
  }
  ch.ack(msg);
});

// The outage lasts its whole window even if some script re-declares the exchange meanwhile.
await sleep(1300 - (Date.now() - startedAt));
while (Date.now() - startedAt < 2800) {
  await ch.deleteExchange('order-events');
  await sleep(100);
}
await declareTopology();

while (Date.now() - lastEventAt < 3000 || Date.now() - startedAt < 5000) await sleep(200);
await ch.close();
await conn.close();
