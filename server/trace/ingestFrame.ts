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
  if (typeof record.type !== 'string' || !FROM_SCRIPT.has(record.type)) {
    return { kind: 'invalid', reason: `type ${String(record.type)} is not accepted from scripts` };
  }
  const candidate = {
    ...record,
    ...(record.type === 'deliver' ? { attempt: 1 } : {}), // placeholder; the ledger sets the real count
    ...(record.type === 'dead-letter' ? { observedBy: 'client' } : {}),
    ts,
    n: 0,
    runId: who.runId,
    broker: who.broker,
    script: who.script,
  };
  const parsed = traceEventSchema.safeParse(candidate);
  if (!parsed.success)
    return { kind: 'invalid', reason: parsed.error.issues[0]?.message ?? 'schema' };
  // The stream numbers the event and stamps run and broker when it records it.
  const draft: Record<string, unknown> = { ...parsed.data };
  for (const field of ['n', 'runId', 'broker']) delete draft[field];
  return { kind: 'event', draft: draft as DraftEvent };
}
