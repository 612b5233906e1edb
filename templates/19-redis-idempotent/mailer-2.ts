import { Redis } from 'ioredis';

type Entry = [id: string, fields: string[] | null];
const redis = new Redis();
await redis.xgroup('CREATE', 'emails', 'mailers', '0', 'MKSTREAM').catch((err: Error) => {
  if (!err.message.includes('BUSYGROUP')) throw err;
});

async function sendEmail(kind: string) {
  await new Promise((resolve) => setTimeout(resolve, 300)); // the SMTP round trip
  return kind;
}

async function handle([id, fields]: Entry) {
  const field = (name: string) => fields?.[fields.indexOf(name) + 1] ?? '';
  const emailId = field('emailId');
  // Claim the email atomically. NX: only if nobody has; EX: forget it after 10 minutes.
  // A Set in this process would not do: the duplicate may go to the other mailer.
  const won = await redis.set(`sent:${emailId}`, 'mailer-2', 'EX', 600, 'NX');
  if (won) {
    try {
      await sendEmail(field('kind'));
      console.log(`mailer-2 sent ${field('kind')} (${emailId})`);
    } catch (err) {
      await redis.del(`sent:${emailId}`); // let a retry try again
      throw err;
    }
  } else {
    console.log(
      `mailer-2 skipped duplicate ${emailId}, already sent by ${await redis.get(`sent:${emailId}`)}`,
    );
  }
  await redis.xack('emails', 'mailers', id); // sent or a duplicate: either way this entry is done
}

let idleSince = Date.now();
const deadline = Date.now() + 12_000;
// Stop after 3 s without new entries (the producer is done), or at the deadline.
while (Date.now() - idleSince < 3_000 && Date.now() < deadline) {
  const reply = await redis.xreadgroup(
    'GROUP',
    'mailers',
    'mailer-2',
    'COUNT',
    1,
    'BLOCK',
    500,
    'STREAMS',
    'emails',
    '>',
  );
  for (const entry of reply?.[0]?.[1] ?? []) {
    await handle(entry);
    idleSince = Date.now();
  }
}
await redis.quit();
