import { once } from 'node:events';
import nsq from 'nsqjs';

// Channel "email" has two readers: they SHARE its messages.
// Channel "sms" has one reader: it gets its OWN full copy of every message.
const members = [
  { name: 'email-1', channel: 'email' },
  { name: 'email-2', channel: 'email' },
  { name: 'sms-1', channel: 'sms' },
];
const handled = new Map<string, string[]>(members.map((m) => [m.name, []]));
const EXPECTED = 12; // 6 for the email channel + 6 for the sms channel
let total = 0;
let finish = () => {};
const finished = new Promise<void>((resolve) => (finish = resolve));
const idle = setTimeout(finish, 8_000); // stop even if fewer messages arrive

const readers = members.map(({ name, channel }) => {
  const reader = new nsq.Reader('user-signups', channel, {
    nsqdTCPAddresses: 'localhost:4150',
    maxInFlight: 1,
  });
  reader.on('message', (msg) => {
    const { userId } = msg.json() as { userId: string };
    setTimeout(() => {
      msg.finish(); // done: nsqd forgets the message for this channel
      handled.get(name)!.push(userId);
      if (++total === EXPECTED) finish();
    }, 100); // pretend to send an email or SMS
  });
  reader.on('error', (err) => console.error(`${name}: ${err.message}`));
  reader.connect();
  return reader;
});

// Messages published before a channel exists never reach it, so subscribe first.
await Promise.all(readers.map((reader) => once(reader, 'ready')));

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');
const signups = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((userId) => ({ userId, plan: 'free' }));
// An array goes out as one MPUB: one round trip, and nsqd accepts all or none.
await new Promise<void>((resolve, reject) =>
  writer.publish('user-signups', signups, (err) => (err ? reject(err) : resolve())),
);
writer.close();

await finished;
clearTimeout(idle);
readers.forEach((reader) => reader.close());
for (const [name, users] of handled) console.log(`${name}: ${users.join(', ') || '-'}`);
