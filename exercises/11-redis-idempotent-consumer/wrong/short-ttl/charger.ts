import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

type Entry = [id: string, fields: string[]];
type ReadReply = [stream: string, entries: Entry[]][] | null;

const STREAM = 'payments';
const GROUP = 'charging';
const CONSUMER = 'charger-1';
const IDLE_STOP_MS = 2500;

const redis = new Redis();
await redis.xgroup('CREATE', STREAM, GROUP, '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

// Charging the card: the effect that must happen once per payment. Keep it as it is.
async function chargeCard(paymentId: string, cents: string): Promise<void> {
  await sleep(30);
  await redis.xadd('charges', '*', 'paymentId', paymentId, 'cents', cents);
}

async function handle([id, fields]: Entry): Promise<void> {
  const field = (name: string) => fields[fields.indexOf(name) + 1]!;
  const paymentId = field('paymentId');
  // Atomically claim the payment's idempotency key: only the first delivery gets 'OK'.
  // One second is plenty for a duplicate delivery, and keeps Redis small.
  const first = await redis.set(`charged:${paymentId}`, id, 'EX', 1, 'NX');
  if (first === 'OK') await chargeCard(paymentId, field('cents'));
  // A duplicate is acked too: it has been handled, by the first delivery.
  await redis.xack(STREAM, GROUP, id);
}

let lastEntryAt = Date.now();
while (Date.now() - lastEntryAt < IDLE_STOP_MS) {
  // prettier-ignore
  const reply = (await redis.xreadgroup(
    'GROUP', GROUP, CONSUMER, 'COUNT', 10, 'BLOCK', 300, 'STREAMS', STREAM, '>',
  )) as ReadReply;
  for (const entry of reply?.[0]?.[1] ?? []) {
    await handle(entry);
    lastEntryAt = Date.now();
  }
}
await redis.quit();
