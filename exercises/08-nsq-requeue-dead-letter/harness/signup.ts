import { once } from 'node:events';
import nsq from 'nsqjs';

// Sign-ups: six welcome emails to send, published to the `emails` topic.
const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');
const emails = [1, 2, 3, 4, 5, 6].map((i) => ({ emailId: `e-${i}`, to: `user${i}@example.com` }));
emails[4]!.to = 'no-such-user@@example.com';
await new Promise<void>((resolve, reject) =>
  writer.publish('emails', emails, (err) => (err ? reject(err) : resolve())),
);
writer.close();
