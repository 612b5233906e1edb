import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

type ReadReply = [string, [string, string[]][]][] | null;

// worker-c: healthy but slow. Takes one video at a time and needs 900 ms for each.
const redis = new Redis();
await redis.xgroup('CREATE', 'videos', 'transcoders', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});
let lastEntryAt = Date.now();
while (Date.now() - lastEntryAt < 2500) {
  // prettier-ignore
  const reply = (await redis.xreadgroup(
    'GROUP', 'transcoders', 'worker-c', 'COUNT', 1, 'BLOCK', 300, 'STREAMS', 'videos', '>',
  )) as ReadReply;
  for (const [id, fields] of reply?.[0]?.[1] ?? []) {
    await sleep(900);
    await redis.xadd(
      'videos.done',
      '*',
      'videoId',
      fields[fields.indexOf('videoId') + 1]!,
      'by',
      'worker-c',
    );
    await redis.xack('videos', 'transcoders', id);
    lastEntryAt = Date.now();
  }
}
await redis.quit();
