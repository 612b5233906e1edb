import { once } from 'node:events';
import nsq from 'nsqjs';

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');

const publish = (body: object, delayMs = 0) =>
  new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => (err ? reject(err) : resolve());
    const payload = JSON.stringify({ ...body, sentAt: Date.now() });
    // DPUB: nsqd holds the message and releases it to each channel after delayMs.
    // nsqjs 0.13 wants an array of ONE string or Buffer here; a bare string throws.
    if (delayMs > 0) writer.deferPublish('cart-events', [payload], delayMs, done);
    else writer.publish('cart-events', payload, done);
  });

// The confirmation goes out now; the "you left something in your cart" nudge in 3 s.
await publish({ kind: 'item-added', userId: 'u42', sku: 'SKU-7' });
await publish({ kind: 'cart-reminder', userId: 'u42', sku: 'SKU-7' }, 3_000);
writer.close();
console.log('published one message now and one deferred by 3 s');
