import { Redis } from 'ioredis';

const redis = new Redis();
// billing's own group: its own read position and pending list, independent of other groups.
await redis.xgroup('CREATE', 'orders', 'billing', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

const EXPECTED = 12;
let received = 0;
const lastSeq = new Map<string, number>();
const deadline = Date.now() + 12_000;
while (received < EXPECTED && Date.now() < deadline) {
  const reply = await redis.xreadgroup(
    'GROUP',
    'billing',
    'billing-1',
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
    const last = lastSeq.get(order.customer) ?? 0;
    if (Number(order.seq) !== last + 1)
      console.log(`${order.customer}: expected #${last + 1}, got #${order.seq}`);
    lastSeq.set(order.customer, Number(order.seq));
    console.log(
      `billed ${order.orderId} (${order.customer} #${order.seq}): ${(Number(order.cents) / 100).toFixed(2)}`,
    );
    await redis.xack('orders', 'billing', id);
    received++;
  }
}
await redis.quit();
