import { Redis } from 'ioredis';

const redis = new Redis();
// shipping's own group: its own read position and pending list, independent of other groups.
await redis.xgroup('CREATE', 'orders', 'shipping', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

const EXPECTED = 12;
let received = 0;
const deadline = Date.now() + 12_000;
while (received < EXPECTED && Date.now() < deadline) {
  const reply = await redis.xreadgroup(
    'GROUP',
    'shipping',
    'shipping-1',
    'COUNT',
    10,
    'BLOCK',
    1_000,
    'STREAMS',
    'orders',
    '>',
  );
  for (const [id, fields] of reply?.[0]?.[1] ?? []) {
    // A flat [name, value, name, value…] list back into an object.
    const order = Object.fromEntries(
      Array.from({ length: (fields?.length ?? 0) / 2 }, (_, i) => [
        fields![2 * i],
        fields![2 * i + 1],
      ]),
    );
    console.log(`packing ${order.orderId} for ${order.customer}`);
    await redis.xack('orders', 'shipping', id);
    received++;
  }
}
await redis.quit();
