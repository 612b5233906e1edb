import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

// Checkout: ten card payments. Its HTTP client retries when a reply is slow, so three of
// them are sent again 1.5 s later — same paymentId, new stream entry.
const redis = new Redis();
await redis.xgroup('CREATE', 'payments', 'charging', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});
const send = (i: number) =>
  redis.xadd('payments', '*', 'paymentId', `pay-${100 + i}`, 'cents', String(900 + i * 100));
for (let i = 1; i <= 10; i++) {
  await send(i);
  await sleep(100);
}
await sleep(1500);
for (const i of [2, 5, 9]) await send(i);
await redis.quit();
