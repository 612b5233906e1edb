import { Redis } from 'ioredis';

const redis = new Redis();
// No need to wait for the consumers: the stream keeps every order, and groups start at id 0.
const customers = ['alice', 'bob', 'carol'];
const seq = new Map<string, number>();
for (let i = 1; i <= 12; i++) {
  const customer = customers[i % customers.length]!;
  seq.set(customer, (seq.get(customer) ?? 0) + 1);
  const order = {
    orderId: `A${1000 + i}`,
    customer,
    seq: String(seq.get(customer)),
    cents: String(500 * i),
  };
  // MAXLEN ~ keeps the stream bounded; Redis trims whole nodes when it is cheap.
  await redis.xadd('orders', 'MAXLEN', '~', 10_000, '*', ...Object.entries(order).flat());
  console.log(`placed ${order.orderId} for ${customer}`);
  await new Promise((resolve) => setTimeout(resolve, 150));
}
await redis.quit();
