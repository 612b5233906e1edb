import nsq from 'nsqjs';

// Straight to nsqd: SUB creates the topic and channel, so start order does not matter.
const reader = new nsq.Reader('balance-changes', 'ledger', {
  nsqdTCPAddresses: 'localhost:4150',
  maxInFlight: 1, // one message at a time: the most order-friendly setting there is
});

const applied: number[] = [];
const stop = () => {
  clearTimeout(idle);
  reader.close();
  console.log(`applied in this order: ${applied.join(', ')}`);
};
const idle = setTimeout(stop, 8000);

reader.on('message', (msg) => {
  const change = msg.json() as { seq: number };
  if (change.seq === 2 && msg.attempts === 1) {
    // A transient failure (say the DB timed out). Requeue with a short delay,
    // without backoff. Seq 3, 4 and 5 are already waiting, so they overtake it.
    console.log('seq 2 failed, requeued');
    msg.requeue(300, false);
    return;
  }
  const last = applied.at(-1) ?? 0;
  if (change.seq < last) console.log(`seq ${change.seq} arrived after seq ${last}: out of order`);
  applied.push(change.seq);
  msg.finish();
  // nsqjs sends FIN on the next tick: closing in the same tick would drop it.
  if (applied.length === 5) setImmediate(stop);
});
reader.on('error', (err) => console.error('reader error', err.message));
reader.connect();
