import { Redis } from 'ioredis';

const redis = new Redis(); // localhost:6379

// Five orders for the fulfilment workers. '*' lets Redis assign the id (ms timestamp-sequence).
// MAXLEN ~ 10000 keeps the stream bounded; '~' lets Redis trim only when it is cheap.
for (let i = 1; i <= 5; i++) {
  const fields = ['orderId', `o-${i}`, 'totalCents', `${i * 1500}`];
  const id = await redis.xadd('orders', 'MAXLEN', '~', 10_000, '*', ...fields);
  console.log(`XADD o-${i} -> ${id}`);
}
await redis.quit();
