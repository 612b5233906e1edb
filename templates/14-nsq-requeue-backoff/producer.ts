import { once } from 'node:events';
import nsq from 'nsqjs';

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');

const hooks = [
  { hookId: 'wh-1', url: 'https://shop.example/paid' },
  { hookId: 'wh-2', url: 'https://flaky.example/paid' }, // times out once
  { hookId: 'wh-3', url: 'https://crm.example/paid' },
  { hookId: 'wh-4', url: 'https://down.example/paid' }, // never answers
  { hookId: 'wh-5', url: 'https://shop.example/refunded' },
];
// One MPUB: the whole batch in one round trip.
await new Promise<void>((resolve, reject) =>
  writer.publish('webhooks', hooks, (err) => (err ? reject(err) : resolve())),
);
console.log(`queued ${hooks.length} webhook deliveries`);
writer.close();
