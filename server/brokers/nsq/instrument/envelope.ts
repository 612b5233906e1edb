/**
 * NSQ messages are bare bytes: no headers to carry MQ Lab's stamp. The wrapper puts it in
 * front of the body — `\0mqlab` + JSON + `\n` — and takes it off again before the learner's
 * reader sees the message. Tools outside MQ Lab see the envelope. No imports: the server
 * reads it too.
 */
const MAGIC = '\u0000mqlab';

export interface EnvelopeStamp {
  id: string;
  seq: number;
  producer: string;
  /** Ordering key: the topic it was first published to (kept when re-published elsewhere). */
  key?: string;
}

export function wrapBody(stamp: EnvelopeStamp, body: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(`${MAGIC}${JSON.stringify(stamp)}\n`);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export function unwrapBody(raw: Uint8Array): { stamp?: EnvelopeStamp; body: Uint8Array } {
  if (
    raw.length < MAGIC.length + 2 ||
    raw[0] !== 0 ||
    new TextDecoder().decode(raw.subarray(0, MAGIC.length)) !== MAGIC
  ) {
    return { body: raw };
  }
  const end = raw.indexOf(10);
  if (end === -1) return { body: raw };
  try {
    const stamp = JSON.parse(
      new TextDecoder().decode(raw.subarray(MAGIC.length, end)),
    ) as EnvelopeStamp;
    return { stamp, body: raw.subarray(end + 1) };
  } catch {
    return { body: raw };
  }
}

export const isWrapped = (raw: Uint8Array) => unwrapBody(raw).stamp !== undefined;
