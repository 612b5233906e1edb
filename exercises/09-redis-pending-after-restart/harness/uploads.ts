import { Redis } from 'ioredis';

// Uploads: 12 photos to make thumbnails for, in the `thumbnails` stream.
const redis = new Redis();
await redis.xgroup('CREATE', 'thumbnails', 'resizers', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});
for (let i = 1; i <= 12; i++) {
  await redis.xadd('thumbnails', '*', 'jobId', `photo-${i}`, 'size', '320x240');
}
await redis.quit();
