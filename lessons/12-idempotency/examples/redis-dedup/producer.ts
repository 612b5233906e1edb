import { Redis } from 'ioredis';

const redis = new Redis();

// Real payment ids are unique; the prefix keeps reruns of this demo from colliding.
const batch = Date.now().toString(36);
const send = (paymentId: string, cents: number) =>
  redis.xadd('payments', '*', 'paymentId', paymentId, 'cents', String(cents));

await send(`pay-${batch}-1`, 1200);
await send(`pay-${batch}-2`, 4500);
// The reply to the first send of #2 "timed out", so the producer sends it again.
// Same idempotency key, new stream entry: the consumer sees two different messages.
await send(`pay-${batch}-2`, 4500);
await send(`pay-${batch}-3`, 800);

console.log('4 entries written for 3 payments');
redis.disconnect();
