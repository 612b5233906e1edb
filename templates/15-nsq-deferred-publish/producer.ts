import { once } from 'node:events';
import nsq from 'nsqjs';

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');

function publish(kind: string, delayMs: number) {
  const body = JSON.stringify({ kind, delayMs, sentAt: Date.now() });
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => (err ? reject(err) : resolve());
    // DPUB takes an array of one message here; nsqd keeps it for delayMs, then delivers it.
    if (delayMs > 0) writer.deferPublish('trial-emails', [body], delayMs, done);
    else writer.publish('trial-emails', body, done);
  });
}

// Let the mailer subscribe first: a topic with no channel yet only stores messages, and
// nsqd starts a deferred message's clock when it reaches a channel, not when it was published.
await new Promise((resolve) => setTimeout(resolve, 2_000));

await publish('welcome', 0);
await publish('getting-started tips', 1_000);
await publish('how is it going?', 2_500);
await publish('your trial ends soon', 4_000);
console.log('published 1 email now and 3 deferred ones');
writer.close();
