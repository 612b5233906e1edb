import { Redis } from 'ioredis';

// worker-a: the first four uploads arrive and worker-a takes them at once (in one MULTI, so
// no one else can get them first). Then it hangs on them until the exercise kills it at 1.2 s:
// its four entries stay pending in the group, owned by a consumer that will never come back.
const redis = new Redis();
await redis.xgroup('CREATE', 'videos', 'transcoders', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});
const tx = redis.multi();
for (let i = 1; i <= 4; i++) tx.xadd('videos', '*', 'videoId', `v-${i}`);
tx.xreadgroup('GROUP', 'transcoders', 'worker-a', 'COUNT', 4, 'STREAMS', 'videos', '>');
await tx.exec();
await new Promise(() => {}); // transcoding… forever
