import { Redis } from 'ioredis';

type Entry = [id: string, fields: string[]];
type PendingRow = [id: string, owner: string, idleMs: number, deliveries: number];

const redis = new Redis();
const STREAM = 'payment-webhooks';
const GROUP = 'billing';
const ME = 'billing-1';
const MAX_DELIVERIES = 3; // Redis has no retry limit of its own: we enforce one
await redis.xgroup('CREATE', STREAM, GROUP, '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

let settled = 0; // entries acked: applied or dead-lettered
async function handle([id, fields]: Entry) {
  try {
    const amount = Number(fields[fields.indexOf('amount') + 1]);
    if (Number.isNaN(amount)) throw new Error('amount is not a number');
    await redis.xack(STREAM, GROUP, id);
    settled++;
    console.log(`${id} applied ${amount}`);
  } catch (err) {
    console.log(`${id} failed: ${(err as Error).message}`); // no XACK: it stays pending
  }
}

const deadline = Date.now() + 8_000;
while (settled < 3 && Date.now() < deadline) {
  // 1. New entries. BLOCK also paces the retry loop below.
  const fresh = await redis.xreadgroup('GROUP', GROUP, ME, 'BLOCK', 300, 'STREAMS', STREAM, '>');
  for (const [, entries] of fresh ?? []) for (const entry of entries) await handle(entry as Entry);

  // 2. Entries that failed earlier and have been idle for 200 ms, with their delivery counts.
  const pending = (await redis.xpending(STREAM, GROUP, 'IDLE', 200, '-', '+', 10)) as PendingRow[];
  for (const [id, , , deliveries] of pending) {
    if (deliveries < MAX_DELIVERIES) {
      // XCLAIM hands it to us again and adds 1 to its delivery count: a retry.
      const [entry] = (await redis.xclaim(STREAM, GROUP, ME, 200, id)) as Entry[];
      if (entry) await handle(entry);
      continue;
    }
    // Too many tries: copy it to the dead-letter stream and ack the original, in one MULTI.
    const [[, fields] = ['', []]] = await redis.xrange(STREAM, id, id);
    const extra = ['deliveries', `${deliveries}`, 'sourceId', id];
    const tx = redis.multi().xadd(`${STREAM}:dead`, '*', ...fields, ...extra);
    await tx.xack(STREAM, GROUP, id).exec();
    settled++;
    console.log(`${id} moved to ${STREAM}:dead after ${deliveries} deliveries`);
  }
}

console.log(`dead letters waiting for a human: ${await redis.xlen(`${STREAM}:dead`)}`);
await redis.quit();
