import { Redis } from 'ioredis';

const redis = new Redis();
// Start the group at id 0 so it also sees entries added before it existed.
// MKSTREAM creates the stream if the producer has not written yet; BUSYGROUP = it already exists.
await redis.xgroup('CREATE', 'greetings', 'printers', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

const EXPECTED = 10;
let received = 0;
const deadline = Date.now() + 10_000;
while (received < EXPECTED && Date.now() < deadline) {
  // '>' = entries never delivered to this group. BLOCK waits up to 1 s for new ones.
  const reply = await redis.xreadgroup(
    'GROUP',
    'printers',
    'printer-1',
    'COUNT',
    10,
    'BLOCK',
    1_000,
    'STREAMS',
    'greetings',
    '>',
  );
  for (const [, entries] of reply ?? []) {
    for (const [id, fields] of entries) {
      // Fields come as a flat [name, value, name, value, ...] list.
      const text = fields?.[fields.indexOf('text') + 1];
      console.log(`${id}: ${text}`);
      await redis.xack('greetings', 'printers', id); // done: off the pending list
      received++;
    }
  }
}
await redis.quit();
