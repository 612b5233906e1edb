import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

type Entry = [id: string, fields: string[]];
type ReadReply = [stream: string, entries: Entry[]][] | null;

const STREAM = 'thumbnails';
const GROUP = 'resizers';
// A fresh name for every start, so two instances can never clash.
const CONSUMER = `resizer-${Date.now().toString(36)}`;
const IDLE_STOP_MS = 2000;

// Making a thumbnail takes a while. Keep it as it is.
async function resize(jobId: string): Promise<void> {
  await sleep(150);
}

const redis = new Redis();
await redis.xgroup('CREATE', STREAM, GROUP, '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

async function handle([id, fields]: Entry): Promise<void> {
  const jobId = fields[fields.indexOf('jobId') + 1]!;
  await resize(jobId);
  await redis.xadd('thumbnails.done', '*', 'jobId', jobId);
  await redis.xack(STREAM, GROUP, id);
}

// First what this consumer was given before it crashed: ID '0' returns our own pending
// entries (delivered, never acked). Once that list is empty, switch to new entries ('>').
async function readEntries(cursor: string): Promise<ReadReply> {
  // prettier-ignore
  return (cursor === '0'
    ? await redis.xreadgroup('GROUP', GROUP, CONSUMER, 'COUNT', 5, 'STREAMS', STREAM, '0')
    : await redis.xreadgroup('GROUP', GROUP, CONSUMER, 'COUNT', 5, 'BLOCK', 500, 'STREAMS', STREAM, '>')) as ReadReply;
}

let cursor = '0';
let lastEntryAt = Date.now();
while (Date.now() - lastEntryAt < IDLE_STOP_MS) {
  const reply = await readEntries(cursor);
  const entries = reply?.[0]?.[1] ?? [];
  if (cursor === '0' && entries.length === 0) cursor = '>';
  for (const entry of entries) {
    await handle(entry);
    lastEntryAt = Date.now();
  }
}
await redis.quit();
