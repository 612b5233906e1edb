import { Redis } from 'ioredis';

type Entry = [id: string, fields: string[] | null];
const redis = new Redis();
await redis.xgroup('CREATE', 'thumbnails', 'resizers', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

// A live consumer acks within milliseconds: an entry idle this long has been abandoned.
const MIN_IDLE_MS = 2_000;
async function resize([id, fields]: Entry, how: string) {
  await new Promise((resolve) => setTimeout(resolve, 150));
  await redis.xack('thumbnails', 'resizers', id);
  const image = fields?.[fields.indexOf('image') + 1]; // fields: [name, value, name, value, ...]
  console.log(`worker-2 resized ${image} (${how} ${id})`);
}

await new Promise((resolve) => setTimeout(resolve, 1_000)); // start a little after worker-1
let handled = 0;
const deadline = Date.now() + 10_000;
while (handled < 5 && Date.now() < deadline) {
  // New work first: '>' = never delivered to anyone in the group.
  const reply = await redis.xreadgroup(
    'GROUP',
    'resizers',
    'worker-2',
    'COUNT',
    10,
    'BLOCK',
    1_000,
    'STREAMS',
    'thumbnails',
    '>',
  );
  for (const entry of reply?.[0]?.[1] ?? []) {
    await resize(entry, 'new');
    handled++;
  }
  // Then rescue: XAUTOCLAIM moves entries idle >= MIN_IDLE_MS to us and returns them.
  // Reply: [cursor for the next call, claimed entries, ids deleted meanwhile]
  const [, claimed] = (await redis.xautoclaim(
    'thumbnails',
    'resizers',
    'worker-2',
    MIN_IDLE_MS,
    '0-0',
    'COUNT',
    10,
  )) as [string, Entry[]];
  for (const entry of claimed) {
    await resize(entry, 'claimed');
    handled++;
  }
}
const [pending] = (await redis.xpending('thumbnails', 'resizers')) as [number];
console.log(`worker-2 handled ${handled}, still pending in the group: ${pending}`);
await redis.quit();
