import nsq from 'nsqjs';

const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await new Promise<void>((resolve) => writer.on('ready', resolve));

// One account's balance changes, in the order they happened.
const changes = [1, 2, 3, 4, 5].map((seq) => ({ account: 'acct-42', seq, delta: seq * 10 }));

// An array becomes a single MPUB: all five land in the topic at once, in this order.
await new Promise<void>((resolve, reject) =>
  writer.publish('balance-changes', changes, (err) => (err ? reject(err) : resolve())),
);
console.log('published seq 1..5');
writer.close();
