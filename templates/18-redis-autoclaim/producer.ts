import { Redis } from 'ioredis';

const redis = new Redis();
for (let i = 1; i <= 6; i++) {
  await redis.xadd('thumbnails', '*', 'image', `photo-${i}.jpg`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.log('added 6 thumbnail jobs');
await redis.quit();
