import { Redis } from 'ioredis';

const redis = new Redis();
await redis.xgroup('CREATE', 'thumbnails', 'resizers', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

// Take 3 jobs (waiting up to 3 s for them to show up).
const taken: [id: string, fields: string[] | null][] = [];
const deadline = Date.now() + 3_000;
while (taken.length < 3 && Date.now() < deadline) {
  const reply = await redis.xreadgroup(
    'GROUP',
    'resizers',
    'worker-1',
    'COUNT',
    3 - taken.length,
    'BLOCK',
    500,
    'STREAMS',
    'thumbnails',
    '>',
  );
  taken.push(...(reply?.[0]?.[1] ?? []));
}
const [first, ...unfinished] = taken;

if (first) {
  await redis.xack('thumbnails', 'resizers', first[0]);
  const image = first[1]?.[first[1].indexOf('image') + 1]; // fields: [name, value, ...]
  console.log(`worker-1 resized ${image}`);
}
// "Crash": no XACK for the rest, so they stay pending, owned by worker-1, until someone claims them.
console.log(`worker-1 crashed holding ${unfinished.map(([id]) => id).join(', ') || 'nothing'}`);
redis.disconnect();
