import nsq from 'nsqjs';

const reader = new nsq.Reader('trial-emails', 'mailer', { nsqdTCPAddresses: 'localhost:4150' });

const EXPECTED = 4;
let received = 0;
const stop = () => {
  clearTimeout(idle);
  reader.close();
};
const idle = setTimeout(stop, 12_000);

reader.on('message', (msg) => {
  const { kind, delayMs, sentAt } = msg.json() as { kind: string; delayMs: number; sentAt: number };
  const waited = Date.now() - sentAt;
  console.log(`send "${kind}": deferred ${delayMs} ms, arrived after ${waited} ms`);
  msg.finish();
  if (++received === EXPECTED) stop();
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
