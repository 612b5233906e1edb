import { Redis } from 'ioredis';

type Entry = [id: string, fields: string[] | null];
const redis = new Redis();
// '0' so the group also sees entries written before it existed; BUSYGROUP means it already does.
await redis.xgroup('CREATE', 'payments', 'billing', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

let charged = 0;
let skipped = 0;
let crashedOnce = false;

async function handle([id, fields]: Entry) {
  const paymentId = fields?.[fields.indexOf('paymentId') + 1] ?? id;
  const key = `dedup:${paymentId}`;
  // Claim the key atomically. The short TTL frees it if we die half-way through.
  const claimed = await redis.set(key, 'processing', 'EX', 30, 'NX');
  if (!claimed) {
    const state = await redis.get(key);
    // 'done': a duplicate, safe to ack. 'processing': someone is on it, leave it pending.
    if (state === 'done') await redis.xack('payments', 'billing', id);
    console.log(`skip ${paymentId} (entry ${id}): already ${state}`);
    skipped++;
    return;
  }
  console.log(`charge ${paymentId} (entry ${id})`); // the side effect that must happen once
  charged++;
  // Keep the 'done' mark longer than any retry or redelivery window (hours in production).
  await redis.set(key, 'done', 'EX', 600);
  if (!crashedOnce) {
    crashedOnce = true; // pretend we died right here, before XACK: the entry stays pending
    return;
  }
  await redis.xack('payments', 'billing', id);
}

const deadline = Date.now() + 6000;
while (charged + skipped < 4 && Date.now() < deadline) {
  // prettier-ignore
  const res = await redis.xreadgroup(
    'GROUP', 'billing', 'worker-1', 'COUNT', 10, 'BLOCK', 1000, 'STREAMS', 'payments', '>',
  );
  for (const [, entries] of res ?? []) for (const entry of entries) await handle(entry);
}

// "After the restart": take back entries delivered earlier but never acked.
const [, reclaimed] = (await redis.xautoclaim('payments', 'billing', 'worker-1', 0, '0')) as [
  string,
  Entry[],
];
for (const entry of reclaimed) await handle(entry);

const [pending] = (await redis.xpending('payments', 'billing')) as [number];
console.log(`charged ${charged}, skipped ${skipped}, still pending ${pending}`);
redis.disconnect();
