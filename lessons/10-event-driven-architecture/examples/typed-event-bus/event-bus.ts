import { randomUUID } from 'node:crypto';
import { connect, type ConfirmChannel } from 'amqplib';

// The contract: each event name and the payload it carries.
// In a real system this map lives in a package every service depends on.
interface OrderEvents {
  'order.created': { orderId: string; items: { sku: string; qty: number }[]; totalCents: number };
  'order.paid': { orderId: string; paymentId: string; amountCents: number };
}
type EventType = keyof OrderEvents;
interface Envelope<T extends EventType> {
  id: string; // lets a handler recognise a redelivery
  type: T;
  version: number; // version of the data's shape, for schema evolution
  occurredAt: string;
  data: OrderEvents[T];
}
type Handler<T extends EventType> = (event: Envelope<T>) => Promise<void> | void;

class EventBus {
  handled = 0; // deliveries processed and acked, across all subscriptions
  constructor(private readonly channel: ConfirmChannel) {}

  // Resolves once the broker has confirmed it holds the event.
  async publish<T extends EventType>(type: T, data: OrderEvents[T]) {
    const occurredAt = new Date().toISOString();
    const event: Envelope<T> = { id: randomUUID(), type, version: 1, occurredAt, data };
    const body = Buffer.from(JSON.stringify(event));
    this.channel.publish('domain-events', type, body, { persistent: true, messageId: event.id });
    await this.channel.waitForConfirms();
  }

  // Each (handler, event) pair gets its OWN durable queue, so a slow or broken
  // handler backs up only its own queue and never delays the others.
  async subscribe<T extends EventType>(name: string, type: T, handle: Handler<T>) {
    const queue = `${name}.${type}`;
    await this.channel.assertQueue(queue, { durable: true });
    await this.channel.bindQueue(queue, 'domain-events', type);
    await this.channel.consume(queue, async (msg) => {
      if (!msg) return; // the queue was deleted under us
      try {
        await handle(JSON.parse(msg.content.toString()) as Envelope<T>);
        this.channel.ack(msg);
        this.handled++;
      } catch (err) {
        console.error(`${name} failed on ${type}: ${(err as Error).message}`);
        this.channel.nack(msg, false, false); // real code: dead-letter it (lesson 05)
      }
    });
  }
}

const connection = await connect('amqp://localhost');
const channel = await connection.createConfirmChannel();
await channel.assertExchange('domain-events', 'topic', { durable: true });
const bus = new EventBus(channel);

// Two independent reactions to the same fact. Neither knows the other exists.
await bus.subscribe('inventory', 'order.created', ({ data }) => {
  console.log(`[inventory] reserve ${data.items.map((i) => `${i.qty}x ${i.sku}`).join(', ')}`);
});
await bus.subscribe('email', 'order.created', ({ data }) => {
  const total = (data.totalCents / 100).toFixed(2);
  console.log(`[email] "we got your order ${data.orderId}", total ${total}`);
});
await bus.subscribe('email', 'order.paid', ({ data }) => {
  console.log(`[email] receipt for ${data.orderId}, payment ${data.paymentId}`);
});

// The order service states what happened. It does not call inventory or email.
const items = [{ sku: 'mug', qty: 2 }];
await bus.publish('order.created', { orderId: 'o-1', items, totalCents: 2400 });
await bus.publish('order.paid', { orderId: 'o-1', paymentId: 'pay-9', amountCents: 2400 });

// Wait for the three reactions (or give up after 8 s), then leave.
const deadline = Date.now() + 8_000;
while (bus.handled < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
await connection.close();
