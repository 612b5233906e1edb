import { Redis } from 'ioredis';

const redis = new Redis();
// Real email ids are unique; the batch prefix keeps reruns of this template from colliding.
const batch = Date.now().toString(36);
const emails = ['welcome', 'receipt', 'shipped', 'review', 'coupon', 'newsletter'].map(
  (kind, i) => ({
    emailId: `${batch}-${i + 1}`,
    kind,
  }),
);

for (const email of emails) {
  await redis.xadd('emails', '*', 'emailId', email.emailId, 'kind', email.kind);
  // The reply to these two "timed out", so the producer sent them again: same id, new entry.
  if (email.kind === 'receipt' || email.kind === 'coupon') {
    await redis.xadd('emails', '*', 'emailId', email.emailId, 'kind', email.kind);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log('wrote 8 entries for 6 emails');
await redis.quit();
