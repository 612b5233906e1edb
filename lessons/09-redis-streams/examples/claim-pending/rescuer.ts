import { Redis } from 'ioredis';

type Claimed = [nextCursor: string, entries: [id: string, fields: string[]][], deleted: string[]];
type PendingRow = [id: string, owner: string, idleMs: number, deliveries: number];

const redis = new Redis();
await redis.xgroup('CREATE', 'invoices', 'pdf', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

// Take over entries pending for at least 1.5 s, whoever holds them. A healthy
// worker acks in milliseconds; an entry idle that long has most likely been abandoned.
const MIN_IDLE_MS = 1_500;
let rescued = 0;
const deadline = Date.now() + 8_000;
while (rescued < 2 && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const reply = await redis.xautoclaim('invoices', 'pdf', 'rescuer', MIN_IDLE_MS, '0-0');
  const [, entries] = reply as Claimed;
  for (const [id, fields] of entries) {
    // XPENDING for one id: the claim made rescuer the owner and bumped the delivery count.
    const [[, owner, , deliveries]] = (await redis.xpending('invoices', 'pdf', id, id, 1)) as [
      PendingRow,
    ];
    console.log(`${id} (${fields.join(' ')}) now owned by ${owner}, delivery #${deliveries}`);
    await redis.xack('invoices', 'pdf', id);
    rescued++;
  }
}
const [stillPending] = (await redis.xpending('invoices', 'pdf')) as [number];
console.log(`rescued ${rescued}, still pending ${stillPending}`);
await redis.quit();
