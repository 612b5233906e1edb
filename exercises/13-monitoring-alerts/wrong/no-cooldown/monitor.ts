import amqp from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

/** The alert rule: fire when `orders` has held more than 40 messages for 1.5 s; at most once per 30 s. */
const RULE = {
  name: 'orders-backlog',
  queue: 'orders',
  threshold: 40,
  forMs: 1500,
  cooldownMs: 30_000,
};
const POLL_MS = 250;
const SAMPLE_EVERY_MS = 1000;
const RUN_FOR_MS = 10_500;

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue(RULE.queue, { durable: true });
await ch.assertQueue('metrics', { durable: true });
await ch.assertQueue('alerts', { durable: true });

function publish(queue: string, body: object): void {
  ch.sendToQueue(queue, Buffer.from(JSON.stringify(body)));
}

let aboveSince: number | undefined; // when the depth went over the threshold
let firing = false;
let lastFiredAt = -Infinity;

/** Called after every reading of the queue depth: decide whether to send an alert. */
function evaluate(depth: number): void {
  const now = Date.now();
  if (depth > RULE.threshold) {
    aboveSince ??= now;
    // Only a backlog that lasts is worth waking someone up.
    const sustained = now - aboveSince >= RULE.forMs;
    if (sustained) {
      firing = true;
      lastFiredAt = now;
      publish('alerts', { rule: RULE.name, state: 'firing', depth, aboveForMs: now - aboveSince });
    }
    return;
  }
  aboveSince = undefined;
  if (firing) {
    firing = false;
    publish('alerts', { rule: RULE.name, state: 'resolved', depth });
  }
}

const startedAt = Date.now();
let lastSample = { at: startedAt, depth: 0 };
while (Date.now() - startedAt < RUN_FOR_MS) {
  // The broker's own figures: messages ready in the queue, and how many consumers it has.
  const { messageCount: depth, consumerCount: consumers } = await ch.checkQueue(RULE.queue);
  const now = Date.now();
  evaluate(depth);
  if (now - lastSample.at >= SAMPLE_EVERY_MS) {
    const growthPerSec = Math.round(((depth - lastSample.depth) * 1000) / (now - lastSample.at));
    publish('metrics', { queue: RULE.queue, depth, consumers, growthPerSec });
    lastSample = { at: now, depth };
  }
  await sleep(POLL_MS);
}
await ch.close();
await conn.close();
