import nsq from 'nsqjs';

type Order = { orderId: string; customer: string; seq: number; cents: number };
// The shipping channel gets its own copy of every order on the topic.
const reader = new nsq.Reader('orders', 'shipping', {
  nsqdTCPAddresses: 'localhost:4150',
  maxInFlight: 1,
});

const EXPECTED = 12;
let received = 0;
const stop = () => {
  clearTimeout(idle);
  reader.close();
};
const idle = setTimeout(stop, 12_000);

reader.on('message', (msg) => {
  const order = msg.json() as Order;
  console.log(`packing ${order.orderId} for ${order.customer}`);
  msg.finish();
  if (++received === EXPECTED) stop();
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
