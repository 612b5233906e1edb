import { Redis } from 'ioredis';

const redis = new Redis();
const ME = 'worker-1';
await redis.xgroup('CREATE', 'invoices', 'pdf', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

// Take all three invoices (waiting up to 5 s for them to show up).
const received: string[] = [];
const deadline = Date.now() + 5_000;
while (received.length < 3 && Date.now() < deadline) {
  const got = await redis.xreadgroup('GROUP', 'pdf', ME, 'BLOCK', 500, 'STREAMS', 'invoices', '>');
  for (const [, entries] of got ?? []) received.push(...entries.map(([id]) => id));
}

// Render and ack the first one, then "crash" with the other two still in hand.
const [first, ...unfinished] = received;
if (first) {
  await redis.xack('invoices', 'pdf', first);
  console.log(`${ME} rendered ${first}`);
}
console.log(`${ME} crashed holding ${unfinished.join(', ')}`);
redis.disconnect(); // no XACK: those entries stay in worker-1's pending list
