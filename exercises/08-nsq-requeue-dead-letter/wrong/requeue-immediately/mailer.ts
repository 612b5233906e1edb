import nsq from 'nsqjs';
import { setTimeout as sleep } from 'node:timers/promises';

interface Email {
  emailId: string;
  to: string;
}

// ---- The mail server, simulated. Keep this part as it is. ----
// Greylisting: it turns a new sender away for a moment ("try again later").
const firstTryAt = new Map<string, number>();
async function sendEmail(email: Email): Promise<void> {
  await sleep(20);
  if (!firstTryAt.has(email.emailId)) firstTryAt.set(email.emailId, Date.now());
  const waited = Date.now() - firstTryAt.get(email.emailId)!;
  if (email.emailId === 'e-2' && waited < 200) throw new Error('451 greylisted, try again later');
  if (email.emailId === 'e-4' && waited < 600) throw new Error('451 greylisted, try again later');
  if (email.to.includes('@@')) throw new Error('550 no such mailbox');
}
// ----------------------------------------------------------------

// Six emails; stop once each is either sent or given up on (or after 12 s whatever happens).
const EXPECTED = 6;
const MAX_ATTEMPTS = 4;

const reader = new nsq.Reader('emails', 'mailer', {
  nsqdTCPAddresses: 'localhost:4150',
  maxInFlight: 10,
  // After MAX_ATTEMPTS deliveries the next one goes to 'discard' instead of 'message'.
  maxAttempts: MAX_ATTEMPTS,
});
const writer = new nsq.Writer('localhost', 4150);
writer.connect();

let settled = 0;
/** Called once per email when it is sent or given up on (after its publish went out). */
function settle(): void {
  if (++settled === EXPECTED) stop();
}
function stop(): void {
  clearTimeout(safety);
  reader.close();
  writer.close();
}
const safety = setTimeout(stop, 12_000);

reader.on('message', async (msg) => {
  const email = msg.json() as Email;
  try {
    await sendEmail(email);
    msg.finish();
    writer.publish('emails.sent', { emailId: email.emailId }, settle);
  } catch (err) {
    const delay = 0; // straight back: the sooner we retry, the sooner it goes out
    console.log(
      `${email.emailId}: attempt ${msg.attempts} failed (${(err as Error).message}), retry in ${delay} ms`,
    );
    // Back into the channel after a growing delay; `false`: do not slow down the whole reader.
    msg.requeue(delay, false);
  }
});
// NSQ has no dead-letter queue of its own: park what we gave up on in a topic people can inspect.
reader.on('discard', (msg) => {
  const email = msg.json() as Email;
  writer.publish('emails.dead', { ...email, attempts: msg.attempts - 1 }, settle);
});
reader.on('error', (err) => console.error(`reader: ${err.message}`));
reader.connect();
