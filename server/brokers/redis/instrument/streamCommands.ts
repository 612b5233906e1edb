import { previewPayload } from '../../../runner/inside/payload.ts';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { STAMP, nextStamp, readStamp } from '../../../runner/inside/stamps.ts';
import { emit } from '../../../runner/inside/traceWriter.ts';

type Arg = string | Buffer | number;
type Entry = [id: string, fields: (string | Buffer)[] | null];

/** What the wrapper remembers about an entry it delivered, until it is acknowledged. */
interface Delivered {
  msgId: string;
  destination: string;
  key?: string;
  seq?: number;
  producer?: string;
  subscription: string;
}

const text = (v: Arg | undefined) =>
  v === undefined ? '' : Buffer.isBuffer(v) ? v.toString() : String(v);
const declaredStreams = new Set<string>();
const unacked = new Map<string, Delivered>(); // `${stream}\0${group}\0${id}` → what was delivered

/**
 * Turns the Redis Streams commands of one ioredis connection into trace events. Works on
 * the raw command (keys already prefixed by ioredis' keyPrefix): `unprefix` maps names back
 * to what the learner wrote. XADD is stamped before it is sent; replies are read after.
 */
export class StreamCommands {
  constructor(private readonly unprefix: (key: string) => string) {}

  /** Before sending. May rewrite `args` (XADD gets the stamp fields). */
  beforeSend(name: string, args: Arg[]): void {
    if (name === 'xadd') this.stampXadd(args);
    if (name === 'xgroup' && text(args[0]).toLowerCase() === 'create') {
      const stream = this.unprefix(text(args[1]));
      emit({ type: 'declare', kind: 'group', name: `${stream}/${text(args[2])}`, source: stream });
    }
  }

  /** After the reply arrived (replies are strings: ioredis converted them). */
  afterReply(name: string, args: Arg[], reply: unknown): void {
    switch (name) {
      case 'xreadgroup':
        return this.readReply(args, reply, true);
      case 'xread':
        return this.readReply(args, reply, false);
      case 'xack':
        return this.acked(args);
      case 'xclaim':
        return this.claimed(args, Array.isArray(reply) ? (reply as Entry[]) : []);
      case 'xautoclaim':
        return this.claimed(
          args,
          Array.isArray(reply) && Array.isArray(reply[1]) ? (reply[1] as Entry[]) : [],
        );
    }
  }

  private stampXadd(args: Arg[]) {
    const stream = this.unprefix(text(args[0]));
    let i = 1;
    for (;;) {
      const word = text(args[i]).toUpperCase();
      if (word === 'NOMKSTREAM') i += 1;
      else if (word === 'MAXLEN' || word === 'MINID')
        i += ['=', '~'].includes(text(args[i + 1])) ? 3 : 2;
      else if (word === 'LIMIT') i += 2;
      else break;
    }
    const fields = args.slice(i + 1);
    const values = pairs(fields);
    const key = values.key === undefined ? stream : String(values.key);
    const prior = readStamp(values);
    const stamp =
      prior.msgId && prior.seq
        ? { msgId: prior.msgId, seq: prior.seq, producer: prior.producer ?? runConfig.script }
        : nextStamp(stream, key);
    if (!prior.msgId)
      args.push(
        STAMP.id,
        stamp.msgId,
        STAMP.seq,
        String(stamp.seq),
        STAMP.producer,
        stamp.producer,
      );
    if (!declaredStreams.has(stream)) {
      declaredStreams.add(stream);
      emit({ type: 'declare', kind: 'stream', name: stream });
    }
    const payload = JSON.stringify(
      Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('x-mqlab-'))),
    );
    emit({
      type: 'produce',
      ...stamp,
      destination: stream,
      key,
      payload: previewPayload(payload),
      size: payload.length,
      ...(prior.msgId ? { republished: true } : {}),
    });
  }

  private readReply(args: Arg[], reply: unknown, grouped: boolean) {
    if (!Array.isArray(reply)) return;
    const words = args.map((a) => text(a).toUpperCase());
    const group = grouped ? text(args[words.indexOf('GROUP') + 1]) : `xread:${runConfig.script}`;
    const noAck = !grouped || words.includes('NOACK');
    const streamsAt = words.indexOf('STREAMS');
    const keys = args.slice(streamsAt + 1);
    const ids = keys.splice(keys.length / 2);
    for (const [streamKey, entries] of reply as [string, Entry[]][]) {
      const position = keys.findIndex((k) => text(k) === streamKey);
      const fromPending = grouped && text(ids[position]) !== '>';
      for (const entry of entries ?? [])
        this.delivered(this.unprefix(streamKey), group, entry, fromPending, noAck);
    }
  }

  private delivered(
    stream: string,
    group: string,
    [id, fields]: Entry,
    redelivered: boolean,
    noAck: boolean,
  ) {
    if (!fields) return; // deleted while pending
    const values = pairs(fields);
    const stamp = readStamp(values);
    const what: Delivered = {
      msgId: stamp.msgId ?? `unstamped:${stream}:${id}`,
      destination: stream,
      key: values.key === undefined ? stream : String(values.key),
      ...(stamp.seq !== undefined ? { seq: stamp.seq } : {}),
      ...(stamp.producer ? { producer: stamp.producer } : {}),
      subscription: `${stream}/${group}`,
    };
    const payload = JSON.stringify(
      Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('x-mqlab-'))),
    );
    emit({ type: 'deliver', ...what, offset: id, redelivered, payload: previewPayload(payload) });
    if (noAck) emit({ type: 'ack', ...what });
    else unacked.set(`${stream}\0${group}\0${id}`, what);
  }

  private acked(args: Arg[]) {
    const stream = this.unprefix(text(args[0]));
    const group = text(args[1]);
    for (const id of args.slice(2).map(text)) {
      const what = unacked.get(`${stream}\0${group}\0${id}`);
      if (!what) continue;
      unacked.delete(`${stream}\0${group}\0${id}`);
      emit({ type: 'ack', ...what });
    }
  }

  private claimed(args: Arg[], entries: Entry[]) {
    const stream = this.unprefix(text(args[0]));
    const group = text(args[1]);
    const consumer = text(args[2]);
    for (const entry of entries) {
      if (!Array.isArray(entry) || !entry[1]) continue;
      const stamp = readStamp(pairs(entry[1]));
      emit({
        type: 'claim',
        msgId: stamp.msgId ?? `unstamped:${stream}:${entry[0]}`,
        ...(stamp.seq !== undefined ? { seq: stamp.seq } : {}),
        destination: stream,
        subscription: `${stream}/${group}`,
        offset: entry[0],
        toConsumer: consumer,
      });
      this.delivered(stream, group, entry, true, false);
    }
  }
}

function pairs(fields: (string | Buffer | Arg)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2)
    out[text(fields[i] as Arg)] = text(fields[i + 1] as Arg);
  return out;
}
