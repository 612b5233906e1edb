import { once } from 'node:events';
import nsq from 'nsqjs';

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');

// nsqd copies a message only to channels that exist when it arrives: give billing and
// shipping a moment to subscribe, or one of them may miss the first orders.
await new Promise((resolve) => setTimeout(resolve, 2_000));

const customers = ['alice', 'bob', 'carol'];
const seq = new Map<string, number>();
for (let i = 1; i <= 12; i++) {
  const customer = customers[i % customers.length]!;
  seq.set(customer, (seq.get(customer) ?? 0) + 1);
  const order = { orderId: `A${1000 + i}`, customer, seq: seq.get(customer), cents: 500 * i };
  await new Promise<void>((resolve, reject) =>
    writer.publish('orders', order, (err) => (err ? reject(err) : resolve())),
  );
  console.log(`placed ${order.orderId} for ${customer}`);
  await new Promise((resolve) => setTimeout(resolve, 150));
}
writer.close();
