import nsq from 'nsqjs';

// Discover nsqd through nsqlookupd, as a production consumer would.
// If the topic does not exist yet, the reader asks again every second.
const reader = new nsq.Reader('cart-events', 'notifier', {
  lookupdHTTPAddresses: 'localhost:4161',
  lookupdPollInterval: 1,
});

let received = 0;
const stop = () => {
  clearTimeout(idle);
  reader.close();
};
const idle = setTimeout(stop, 8_000);

reader.on('message', (msg) => {
  const event = msg.json() as { kind: string; sentAt: number };
  const waited = ((Date.now() - event.sentAt) / 1000).toFixed(1);
  console.log(`${event.kind}: arrived ${waited} s after it was published`);
  msg.finish();
  if (++received === 2) stop();
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
