import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

type Entry = [id: string, fields: string[]];
type ReadReply = [stream: string, entries: Entry[]][] | null;

const STREAM = 'videos';
const GROUP = 'transcoders';
const CONSUMER = 'worker-b';
const IDLE_STOP_MS = 2500;
// An entry pending this long is abandoned: a healthy transcoder acks within a second.
const MIN_IDLE_MS = 1500;
const CLAIM_EVERY_MS = 500;

// Transcoding takes a while. Keep it as it is.
async function transcode(videoId: string): Promise<void> {
  await sleep(200);
}

const redis = new Redis();
await redis.xgroup('CREATE', STREAM, GROUP, '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

async function handle([id, fields]: Entry): Promise<void> {
  const videoId = fields[fields.indexOf('videoId') + 1]!;
  await transcode(videoId);
  await redis.xadd('videos.done', '*', 'videoId', videoId, 'by', CONSUMER);
  await redis.xack(STREAM, GROUP, id);
}

/** Takes over entries other consumers have held for too long, and does them. */
async function claimAbandoned(): Promise<number> {
  const [, entries] = (await redis.xautoclaim(
    STREAM,
    GROUP,
    CONSUMER,
    MIN_IDLE_MS,
    '0-0',
    'COUNT',
    10,
  )) as [string, Entry[], string[]];
  for (const entry of entries) await handle(entry);
  return entries.length;
}

let lastWorkAt = Date.now();
let lastClaimAt = 0;
while (Date.now() - lastWorkAt < IDLE_STOP_MS) {
  if (Date.now() - lastClaimAt >= CLAIM_EVERY_MS) {
    lastClaimAt = Date.now();
    if ((await claimAbandoned()) > 0) lastWorkAt = Date.now();
  }
  // New videos, one at a time.
  // prettier-ignore
  const reply = (await redis.xreadgroup(
    'GROUP', GROUP, CONSUMER, 'COUNT', 1, 'BLOCK', 300, 'STREAMS', STREAM, '>',
  )) as ReadReply;
  for (const entry of reply?.[0]?.[1] ?? []) {
    await handle(entry);
    lastWorkAt = Date.now();
  }
}
await redis.quit();
