import amqp from 'amqplib';
import type { ConfirmChannel } from 'amqplib';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

// The relay: publishes the events that app.ts committed to the `outbox` table, then marks
// them published. At-least-once: a crash between publish and mark sends a row again.
const POLL_MS = 200;
const IDLE_STOP_MS = 3000;

const db = new pg.Client();
await db.connect();
const conn = await amqp.connect('amqp://localhost');

let channel: ConfirmChannel | undefined;
async function openChannel(): Promise<ConfirmChannel> {
  if (channel) return channel;
  const opened = await conn.createConfirmChannel();
  // The broker closes a channel that publishes to a missing exchange: open a new one next round.
  opened.on('error', () => {});
  opened.on('close', () => {
    if (channel === opened) channel = undefined;
  });
  channel = opened;
  return opened;
}

/** Publishes unpublished rows in order; stops at the first failure and leaves the rest for later. */
async function relayOnce(): Promise<number> {
  const { rows } = await db.query<{ id: string; payload: unknown }>(
    'SELECT id, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 50',
  );
  for (const row of rows) {
    try {
      const ch = await openChannel();
      // mandatory: a message no queue would take comes back (a 'return') instead of vanishing.
      let returned = false;
      const onReturn = () => (returned = true);
      ch.once('return', onReturn);
      ch.publish('order-events', '', Buffer.from(JSON.stringify(row.payload)), {
        persistent: true,
        mandatory: true,
      });
      await ch.waitForConfirms();
      ch.off('return', onReturn);
      if (returned) return rows.length; // confirmed, but routed nowhere: try again later
    } catch {
      return rows.length; // the broker is not taking it now: keep the row, retry next round
    }
    // Only after the broker confirmed it.
    await db.query('UPDATE outbox SET published_at = clock_timestamp() WHERE id = $1', [row.id]);
  }
  return rows.length;
}

let lastWorkAt = Date.now();
while (Date.now() - lastWorkAt < IDLE_STOP_MS) {
  if ((await relayOnce()) > 0) lastWorkAt = Date.now();
  await sleep(POLL_MS);
}
await channel?.close().catch(() => {});
await conn.close();
await db.end();
