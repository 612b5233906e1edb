import { deno } from './denoApi.ts';

/**
 * Sends trace events to the supervisor through a FIFO that is not the console, one JSON
 * object per line. Lines are gathered while the current task runs and written together when
 * it ends (a microtask), at 32 KiB, and on exit (`unload`, which `process.exit()`,
 * `Deno.exit()` and an uncaught error all dispatch): an event emitted right before
 * `process.exit()` still arrives, and a burst of deliveries costs one write, not hundreds.
 * The supervisor fills in runId, broker and script itself, so a forged line can only ever
 * speak about this very script.
 */
const FIFO = '/sandbox/trace.fifo';
const FLUSH_AT = 32 * 1024;

// Taken now, before learner code can replace globals.
const stringify = JSON.stringify;
const now = Date.now;
const encoder = new TextEncoder();
const encode = encoder.encode.bind(encoder);
const later = queueMicrotask;

const fifo = deno.openSync(FIFO, { write: true });
let broken = false;
let pending = '';
let scheduled = false;

export type Emitted = { type: string } & Record<string, unknown>;

export function emit(event: Emitted): void {
  if (broken) return;
  pending += stringify({ ts: now(), ...event }) + '\n';
  if (pending.length >= FLUSH_AT) flush();
  else if (!scheduled) {
    scheduled = true;
    later(flush);
  }
}

/** Writes what was gathered, synchronously. */
export function flush(): void {
  scheduled = false;
  if (broken || pending === '') return;
  const bytes = encode(pending);
  pending = '';
  try {
    for (let sent = 0; sent < bytes.length;) sent += fifo.writeSync(bytes.subarray(sent));
  } catch {
    broken = true; // supervisor gone: the script is about to be killed anyway
  }
}

addEventListener('unload', flush);
