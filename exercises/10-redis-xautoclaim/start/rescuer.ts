import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

type Entry = [id: string, fields: string[]];
type ReadReply = [stream: string, entries: Entry[]][] | null;

const STREAM = 'videos';
const GROUP = 'transcoders';
const CONSUMER = 'worker-b';
const IDLE_STOP_MS = 2500;

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

let lastWorkAt = Date.now();
while (Date.now() - lastWorkAt < IDLE_STOP_MS) {
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
