import nsq from 'nsqjs';

type Order = { orderId: string; customer: string; seq: number; cents: number };
// The billing channel gets its own copy of every order on the topic.
const reader = new nsq.Reader('orders', 'billing', {
  nsqdTCPAddresses: 'localhost:4150',
  maxInFlight: 1,
});

const EXPECTED = 12;
let received = 0;
const lastSeq = new Map<string, number>();
const stop = () => {
  clearTimeout(idle);
  reader.close();
};
const idle = setTimeout(stop, 12_000);

reader.on('message', (msg) => {
  const order = msg.json() as Order;
  const last = lastSeq.get(order.customer) ?? 0;
  // maxInFlight 1 keeps one order at a time; with more in flight (or a requeue) NSQ may reorder.
  if (order.seq !== last + 1)
    console.log(`${order.customer}: expected #${last + 1}, got #${order.seq}`);
  lastSeq.set(order.customer, order.seq);
  console.log(
    `billed ${order.orderId} (${order.customer} #${order.seq}): ${(order.cents / 100).toFixed(2)}`,
  );
  msg.finish();
  if (++received === EXPECTED) stop();
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
