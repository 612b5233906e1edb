import { once } from 'node:events';
import nsq from 'nsqjs';

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');

// Two verification codes. The second number is one the SMS gateway always rejects.
const jobs = [
  { smsId: 'sms-1', to: '+8613800000001', text: 'Your code is 482913' },
  { smsId: 'sms-2', to: '+000', text: 'Your code is 775120' },
];
// One channel only, so publishing before the worker subscribes is fine:
// nsqd keeps the messages in the topic until the first channel appears.
await new Promise<void>((resolve, reject) =>
  writer.publish('sms', jobs, (err) => (err ? reject(err) : resolve())),
);
writer.close();
console.log('queued 2 SMS jobs');
