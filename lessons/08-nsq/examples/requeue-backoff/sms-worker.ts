import nsq from 'nsqjs';

const reader = new nsq.Reader('sms', 'sms-gateway', {
  nsqdTCPAddresses: 'localhost:4150',
  maxInFlight: 5,
  maxAttempts: 3, // the 4th delivery goes to 'discard' instead of 'message'
  maxBackoffDuration: 2, // cap reader backoff at 2 s so the demo stays short (default 128 s)
});
const parking = new nsq.Writer('localhost', 4150); // failed jobs go to a topic for people to inspect
parking.connect();

async function sendSms(job: { to: string }) {
  if (job.to === '+000') throw new Error('gateway: invalid number');
}

let settled = 0; // jobs that were delivered or given up on
const stop = () => {
  clearTimeout(idle);
  reader.close();
  parking.close();
};
const idle = setTimeout(stop, 8_000);

reader.on('message', async (msg) => {
  const job = msg.json() as { smsId: string; to: string };
  try {
    await sendSms(job);
    msg.finish();
    console.log(`${job.smsId}: sent`);
    if (++settled === 2) stop();
  } catch (err) {
    const reason = (err as Error).message;
    console.log(`${job.smsId}: attempt ${msg.attempts} failed (${reason}), requeued`);
    // Back into the queue after a growing delay; backoff=true also makes this
    // reader pause for a moment, so a sick gateway is not hammered.
    msg.requeue(250 * msg.attempts, true);
  }
});

// Fires instead of 'message' once attempts > maxAttempts; nsqjs then finishes the message.
// NSQ has no dead-letter queue, so we park the body on a topic of our own.
reader.on('discard', (msg) => {
  console.log(`giving up after ${msg.attempts - 1} attempts, parking ${msg.body.toString()}`);
  parking.publish('sms-failed', msg.body, () => {
    if (++settled === 2) stop();
  });
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
