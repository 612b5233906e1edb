import { Redis } from 'ioredis';

const redis = new Redis();
// Three payment webhooks; the second carries an amount no parser will ever accept.
const webhooks = [
  ['paymentId', 'p-1', 'amount', '19.90'],
  ['paymentId', 'p-2', 'amount', 'twelve'],
  ['paymentId', 'p-3', 'amount', '5.00'],
];
for (const fields of webhooks) await redis.xadd('payment-webhooks', '*', ...fields);
console.log('added 3 payment webhooks');
await redis.quit();
