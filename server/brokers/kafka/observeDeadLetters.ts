import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { BROKER_ACTOR } from '../../protocol/trace';
import type { EmitEvent } from '../../runner/brokerModule';
import { DEAD_LETTER_NAME, originOfDeadLetters } from '../../runner/inside/deadLetterNames';

const POLL_MS = 300;
export const OBSERVER_GROUP = '__mqlab-dead-letters.';

/**
 * The server's own consumers on the run's dead-letter topics (`orders.dlq`…): every record
 * there becomes a dead-letter event, read from the broker, not from the learner's output.
 * kafkajs resolves topic patterns only when subscribing, so new DLQ topics are found by
 * listing and each gets its own small consumer.
 */
export class DeadLetterTopics {
  private readonly consumers = new Map<string, Consumer>();
  private readonly consumed = new Map<string, Map<number, bigint>>(); // topic → partition → next offset
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly prefix: string,
    private readonly emit: EmitEvent,
  ) {}

  start(): void {
    const tick = async () => {
      await this.discover().catch(() => {});
      if (!this.stopped) this.timer = setTimeout(tick, POLL_MS);
    };
    this.timer = setTimeout(tick, POLL_MS);
  }

  /** Waits (bounded) until every dead-letter topic has been read to its end. */
  async settle(timeoutMs = 8000): Promise<void> {
    await this.discover().catch(() => {});
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
        let behind = false;
        for (const topic of this.consumers.keys()) {
          for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
            if ((this.consumed.get(topic)?.get(partition) ?? 0n) < BigInt(high)) behind = true;
          }
        }
        if (!behind) return;
      }
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.all([...this.consumers.values()].map((c) => c.disconnect().catch(() => {})));
  }

  groupIds(): string[] {
    return [...this.consumers.keys()].map((topic) => this.groupFor(topic));
  }

  private groupFor(topic: string) {
    return `${this.prefix}${OBSERVER_GROUP}${topic.slice(this.prefix.length)}`;
  }

  private async discover() {
    const admin = this.kafka.admin();
    await admin.connect();
    const topics = await admin.listTopics().finally(() => admin.disconnect());
    for (const topic of topics) {
      if (!topic.startsWith(this.prefix) || this.consumers.has(topic) || this.stopped) continue;
      if (!DEAD_LETTER_NAME.test(topic.slice(this.prefix.length))) continue;
      // A short fetch wait: disconnect() waits for the fetch in flight, and cleanup waits for disconnect().
      const consumer = this.kafka.consumer({ groupId: this.groupFor(topic), maxWaitTimeInMs: 100 });
      this.consumers.set(topic, consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const offsets =
            this.consumed.get(topic) ?? this.consumed.set(topic, new Map()).get(topic)!;
          offsets.set(partition, BigInt(message.offset) + 1n);
          this.emit(deadLetter(topic.slice(this.prefix.length), partition, message));
        },
      });
    }
  }
}

function deadLetter(topic: string, partition: number, m: KafkaMessage) {
  const h = (name: string) => {
    const v = m.headers?.[name];
    return v === undefined ? undefined : String(Array.isArray(v) ? v[0] : v);
  };
  const seq = Number(h('x-mqlab-seq'));
  const attempts = Number(h('attempts') ?? h('retries') ?? h('deliveries'));
  const original = h('original-topic') ?? h('topic') ?? originOfDeadLetters(topic);
  return {
    type: 'dead-letter' as const,
    ts: Date.now(),
    script: BROKER_ACTOR,
    msgId: h('x-mqlab-id') ?? `unstamped:${topic}:${partition}:${m.offset}`,
    ...(Number.isInteger(seq) ? { seq } : {}),
    ...(h('x-mqlab-producer') ? { producer: h('x-mqlab-producer')! } : {}),
    destination: topic,
    ...(m.key ? { key: m.key.toString() } : {}),
    reason: h('reason') ?? h('x-reason') ?? h('error') ?? 'moved to the dead-letter topic',
    originalDestination: original,
    ...(Number.isInteger(attempts) && attempts > 0 ? { attempts } : {}),
    observedBy: 'broker' as const,
    payload: (m.value?.toString() ?? '').slice(0, 512),
    partition,
    offset: m.offset,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
