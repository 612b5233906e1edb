import nsq from 'nsqjs';

const reader = new nsq.Reader('webhooks', 'sender', {
  nsqdTCPAddresses: 'localhost:4150',
  maxInFlight: 5,
  maxAttempts: 3, // a 4th delivery fires 'discard' instead of 'message'
  maxBackoffDuration: 1, // cap the reader's backoff at 1 s so the demo stays short
});
const parking = new nsq.Writer('localhost', 4150); // NSQ has no dead-letter queue: we make one
parking.connect();

const attemptsSoFar = new Map<string, number>();
async function deliver(hook: { hookId: string; url: string }) {
  await new Promise((resolve) => setTimeout(resolve, 100)); // the HTTP call
  const n = (attemptsSoFar.get(hook.hookId) ?? 0) + 1;
  attemptsSoFar.set(hook.hookId, n);
  if (hook.url.includes('down.example')) throw new Error('connection refused');
  if (hook.url.includes('flaky.example') && n === 1) throw new Error('timeout');
}

let settled = 0; // delivered or parked
const stop = () => {
  clearTimeout(idle);
  reader.close();
  parking.close();
};
const idle = setTimeout(stop, 12_000);
const settle = () => {
  if (++settled === 5) stop();
};

reader.on('message', async (msg) => {
  const hook = msg.json() as { hookId: string; url: string };
  try {
    await deliver(hook);
    msg.finish();
    console.log(`${hook.hookId}: delivered on attempt ${msg.attempts}`);
    settle();
  } catch (err) {
    // Requeue with a growing delay; backoff = true also slows this whole reader down for a moment.
    console.log(
      `${hook.hookId}: attempt ${msg.attempts} failed (${(err as Error).message}), requeue`,
    );
    msg.requeue(250 * msg.attempts, true);
  }
});

// nsqjs finishes a discarded message for us; without this handler it would be lost silently.
reader.on('discard', (msg) => {
  console.log(`giving up on ${msg.json().hookId} after ${msg.attempts - 1} attempts, parking it`);
  parking.publish('webhooks-failed', msg.body, settle);
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
