import nsq from 'nsqjs';

// Connect straight to nsqd. Until the first channel exists, the topic keeps its messages.
const reader = new nsq.Reader('greetings', 'printer', { nsqdTCPAddresses: 'localhost:4150' });

const EXPECTED = 10;
let received = 0;
const stop = () => {
  clearTimeout(idle);
  reader.close();
};
const idle = setTimeout(stop, 10_000);

reader.on('message', (msg) => {
  console.log(`received ${msg.body.toString()} (attempt ${msg.attempts})`);
  msg.finish(); // done: nsqd drops it from this channel
  if (++received === EXPECTED) stop();
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
