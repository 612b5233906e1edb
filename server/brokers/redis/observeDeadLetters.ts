import type { Redis } from 'ioredis';
import { BROKER_ACTOR } from '../../protocol/trace';
import type { EmitEvent } from '../../runner/brokerModule';
import { scanKeys } from './adminClient';
import { DEAD_LETTER_STREAM, streamOfDeadLetters } from './instrument/names';

const POLL_MS = 200;

/**
 * The server reads the run's dead-letter streams itself (XREAD with its own account): every
 * entry a consumer moved there after too many deliveries becomes a dead-letter event,
 * whatever the learner's code prints. New dead-letter streams are found by SCAN.
 */
export class DeadLetterStreams {
  private readonly lastIds = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly emit: EmitEvent,
  ) {}

  start(): void {
    const tick = async () => {
      await this.poll().catch(() => {});
      if (!this.stopped) this.timer = setTimeout(tick, POLL_MS);
    };
    this.timer = setTimeout(tick, POLL_MS);
  }

  async poll(): Promise<void> {
    for (const key of await scanKeys(this.redis, `${this.prefix}*`, 'stream')) {
      if (DEAD_LETTER_STREAM.test(key.slice(this.prefix.length)) && !this.lastIds.has(key))
        this.lastIds.set(key, '0');
    }
    if (this.lastIds.size === 0) return;
    const keys = [...this.lastIds.keys()];
    const reply = (await this.redis.xread(
      'COUNT',
      1000,
      'STREAMS',
      ...keys,
      ...keys.map((k) => this.lastIds.get(k)!),
    )) as [string, [string, string[]][]][] | null;
    for (const [key, entries] of reply ?? []) {
      for (const [id, fields] of entries) {
        this.lastIds.set(key, id);
        this.emit(this.deadLetter(key.slice(this.prefix.length), id, fields));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private deadLetter(stream: string, id: string, fields: string[]) {
    const values: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) values[fields[i]!] = fields[i + 1]!;
    const seq = Number(values['x-mqlab-seq']);
    const attempts = Number(values.deliveries ?? values.attempts ?? values.times_delivered);
    const original =
      values.stream ?? values.source ?? values['original-stream'] ?? streamOfDeadLetters(stream);
    const payload = JSON.stringify(
      Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('x-mqlab-'))),
    );
    return {
      type: 'dead-letter' as const,
      ts: Date.now(),
      script: BROKER_ACTOR,
      msgId: values['x-mqlab-id'] ?? `unstamped:${stream}:${id}`,
      ...(Number.isInteger(seq) ? { seq } : {}),
      ...(values['x-mqlab-producer'] ? { producer: values['x-mqlab-producer'] } : {}),
      destination: stream,
      key: values.key ?? original,
      reason: values.reason ?? 'moved to the dead-letter stream',
      originalDestination: original,
      ...(Number.isInteger(attempts) && attempts > 0 ? { attempts } : {}),
      observedBy: 'broker' as const,
      payload: payload.slice(0, 512),
    };
  }
}
