import { Redis } from 'ioredis';

const redis = new Redis();
const STREAM = 'orders';
const GROUP = 'fulfilment';
const ME = 'worker-1'; // this consumer's name inside the group

// Create the group at id 0 so it also sees entries added before it existed.
// MKSTREAM creates an empty stream if the producer has not run yet.
await redis.xgroup('CREATE', STREAM, GROUP, '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err; // BUSYGROUP: the group already exists
});

let handled = 0;
const deadline = Date.now() + 8_000; // stop even if fewer entries arrive
while (handled < 5 && Date.now() < deadline) {
  // '>' = entries never delivered to anyone in this group. BLOCK waits up to 1 s for some.
  const reply = await redis.xreadgroup('GROUP', GROUP, ME, 'BLOCK', 1000, 'STREAMS', STREAM, '>');
  for (const [, entries] of reply ?? []) {
    for (const [id, fields] of entries) {
      console.log(`${id}: ${fields?.join(' ')}`); // fields come as a flat [name, value, ...] list
      // ... pick, pack and ship the order here ...
      await redis.xack(STREAM, GROUP, id); // done: drop it from the pending entries list
      handled++;
    }
  }
}

// XPENDING summary form: [count, lowest id, highest id, [[consumer, count], ...]]
const [pending] = (await redis.xpending(STREAM, GROUP)) as [number];
console.log(`handled ${handled}, still pending ${pending}`);
await redis.quit();
