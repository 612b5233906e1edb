import { Redis } from 'ioredis';

const redis = new Redis();
for (const invoiceId of ['inv-1', 'inv-2', 'inv-3']) {
  await redis.xadd('invoices', '*', 'invoiceId', invoiceId);
}
console.log('added 3 invoices to render as PDF');
await redis.quit();
