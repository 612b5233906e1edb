import { once } from 'node:events';
import nsq from 'nsqjs';

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');

const publish = (body: string) =>
  new Promise<void>((resolve, reject) =>
    writer.publish('greetings', body, (err) => (err ? reject(err) : resolve())),
  );

for (let i = 1; i <= 10; i++) {
  await publish(`hello #${i}`); // resolves when nsqd answers OK
  console.log(`published hello #${i}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
writer.close();
