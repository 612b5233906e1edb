import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

// Uploads: eight more videos, one every 150 ms, after worker-a has taken the first four.
const redis = new Redis();
await redis.xgroup('CREATE', 'videos', 'transcoders', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});
await sleep(500);
for (let i = 5; i <= 12; i++) {
  await redis.xadd('videos', '*', 'videoId', `v-${i}`);
  await sleep(150);
}
await redis.quit();
