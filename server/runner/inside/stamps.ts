import { runConfig } from './runConfig.ts';
import { STAMP } from './stampNames.ts';

export { STAMP };

export interface Stamp {
  msgId: string;
  seq: number;
  producer: string;
}

const sequences = new Map<string, number>();
let counter = 0;

/**
 * Next identity for a message this script produces: a run-unique id and the next sequence
 * number for its (destination, key). The learner's code never sees or supplies these.
 */
export function nextStamp(destination: string, key: string | undefined): Stamp {
  const slot = `${destination}\u0000${key ?? ''}`;
  const seq = (sequences.get(slot) ?? 0) + 1;
  sequences.set(slot, seq);
  return { msgId: `${runConfig.tag}:${++counter}`, seq, producer: runConfig.script };
}

/** Reads a stamp back from header-like values (strings or Buffers). */
export function readStamp(values: Record<string, unknown> | undefined): Partial<Stamp> {
  if (!values) return {};
  const text = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const seq = Number(text(values[STAMP.seq]));
  return {
    msgId: text(values[STAMP.id]),
    seq: Number.isInteger(seq) ? seq : undefined,
    producer: text(values[STAMP.producer]),
  };
}
