import type { z } from 'zod';
import { traceEventSchema, type TraceEvent } from '../protocol/trace';
import type { DraftEvent } from './traceStream';

/** Frame types a sandboxed script may send. Anomalies, logs, exits and run events are the server's. */
const FROM_SCRIPT = new Set([
  'produce',
  'deliver',
  'ack',
  'nack',
  'requeue',
  'dead-letter',
  'commit',
  'claim',
  'declare',
  'error',
]);

/**
 * Per frame type, its event schema without the fields only the stream sets (n, runId,
 * broker): a frame is checked once and the result is the draft itself — no copying, no
 * deleting (a deleted property turns an object into a slow dictionary for everything
 * downstream). Thousands of frames a second pass through here.
 */
const FRAME_SCHEMAS = new Map<string, z.ZodType>(
  traceEventSchema.options
    .filter((option) => FROM_SCRIPT.has(option.shape.type.value))
    .map((option) => [
      option.shape.type.value,
      (option as unknown as z.ZodObject).omit({ n: true, runId: true, broker: true }),
    ]),
);

export type IngestResult =
  | { kind: 'event'; draft: DraftEvent }
  | { kind: 'ready'; ts: number }
  | { kind: 'invalid'; reason: string };

/**
 * Checks one line from a script's trace pipe. The script is untrusted: the server decides
 * which run, broker and script the event belongs to, computes attempt counts itself, and
 * rejects anything that does not match the schema exactly.
 */
export function ingestFrame(
  line: string,
  who: { runId: string; broker: TraceEvent['broker']; script: string },
): IngestResult {
  let frame: unknown;
  try {
    frame = JSON.parse(line);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  if (!frame || typeof frame !== 'object' || Array.isArray(frame))
    return { kind: 'invalid', reason: 'not an object' };
  const record = frame as Record<string, unknown>;
  const ts = typeof record.ts === 'number' && Number.isFinite(record.ts) ? record.ts : Date.now();
  if (record.type === 'ready') return { kind: 'ready', ts };
  const schema = typeof record.type === 'string' ? FRAME_SCHEMAS.get(record.type) : undefined;
  if (!schema) {
    return { kind: 'invalid', reason: `type ${String(record.type)} is not accepted from scripts` };
  }
  // The frame is our own fresh object: what only the server may say is set on it directly.
  record.ts = ts;
  record.script = who.script;
  if (record.type === 'deliver') record.attempt = 1; // placeholder; the ledger sets the real count
  if (record.type === 'dead-letter') record.observedBy = 'client';
  const parsed = schema.safeParse(record);
  if (!parsed.success)
    return { kind: 'invalid', reason: parsed.error.issues[0]?.message ?? 'schema' };
  // The stream numbers the event and stamps run and broker when it records it.
  return { kind: 'event', draft: parsed.data as DraftEvent };
}
