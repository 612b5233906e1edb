import type { TraceEvent, TraceEventOf, TraceEventType } from '../protocol/trace';
import type { Evidence, Localized } from './checkTypes';

/** Events of one type, optionally only those matching every given field. */
export function eventsOf<T extends TraceEventType>(
  evidence: Evidence,
  type: T,
  where: Partial<Record<string, unknown>> = {},
): TraceEventOf<T>[] {
  return evidence.events.filter(
    (e): e is TraceEventOf<T> =>
      e.type === type &&
      Object.entries(where).every(([k, v]) => (e as Record<string, unknown>)[k] === v),
  );
}

/** Events whose script is one of the learner's files. */
export function fromLearner<E extends TraceEvent>(evidence: Evidence, events: E[]): E[] {
  return events.filter((e) => evidence.learnerScripts.includes(e.script));
}

/**
 * A message body as an object: a JSON object, or a Redis entry's field list
 * (`["jobId","photo-1","size","320x240"]` as JSON) turned into one.
 */
export function payloadJson(payload: string | undefined): Record<string, unknown> | undefined {
  if (!payload) return undefined;
  try {
    const value: unknown = JSON.parse(payload);
    if (
      Array.isArray(value) &&
      value.length % 2 === 0 &&
      value.every((v) => typeof v === 'string')
    ) {
      return Object.fromEntries(value.flatMap((v, i) => (i % 2 === 0 ? [[v, value[i + 1]]] : [])));
    }
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** One field of a JSON body as a string (`orderId`, `n`…); undefined when absent. */
export function bodyField(event: { payload?: string }, name: string): string | undefined {
  const value = payloadJson(event.payload)?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** Groups items by a key, keeping their order; items without a key are skipped. */
export function groupBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Seconds since the run started, for messages: `+3.2 s` / `+3.2 秒`. */
export function at(evidence: Evidence, ts: number): Localized {
  const s = ((ts - evidence.startedAt) / 1000).toFixed(2);
  return { zh: `+${s} 秒`, en: `+${s} s` };
}

/** `a, b, c and 4 more` / `a、b、c 等 7 个`. */
export function listSome(items: string[], max = 3): Localized {
  const shown = items.slice(0, max);
  if (items.length <= max) return { zh: shown.join('、'), en: shown.join(', ') };
  return {
    zh: `${shown.join('、')} 等 ${items.length} 个`,
    en: `${shown.join(', ')} and ${items.length - max} more`,
  };
}

/** The latest fault before `ts`, described for a message (`after the kill of worker.ts at +2.0 s`). */
export function faultBefore(evidence: Evidence, ts: number): Localized | undefined {
  const fault = eventsOf(evidence, 'fault')
    .filter((f) => f.ts <= ts)
    .at(-1);
  if (!fault) return undefined;
  const when = at(evidence, fault.ts);
  const what = fault.target ? `${fault.kind} ${fault.target}` : fault.kind;
  return {
    zh: `（在 ${when.zh} 的故障 ${what} 之后）`,
    en: ` (after the fault ${what} at ${when.en})`,
  };
}

/** Sorted numeric values, for figures such as gaps between attempts. */
export function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}

/** `1 attempt`, `3 attempts` (English only; Chinese needs no plural). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Values of one body field in events, e.g. the order ids of what a script produced. */
export function fieldValues(events: { payload?: string }[], name: string): string[] {
  return events.flatMap((e) => bodyField(e, name) ?? []);
}

/** Deliveries on `subscription` whose message nobody settled (ack, nack or requeue) afterwards. */
export function unsettled(evidence: Evidence, subscription: string): TraceEventOf<'deliver'>[] {
  const settled = new Set(
    evidence.events
      .filter(
        (e) =>
          (e.type === 'ack' || e.type === 'nack' || e.type === 'requeue') &&
          e.subscription === subscription,
      )
      .map((e) => (e as { msgId: string }).msgId),
  );
  const open = new Map<string, TraceEventOf<'deliver'>>();
  for (const d of eventsOf(evidence, 'deliver', { subscription }))
    if (!settled.has(d.msgId)) open.set(d.msgId, d);
  return [...open.values()];
}
