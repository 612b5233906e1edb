import { Reader, type Message } from 'nsqjs';
import { BROKER_ACTOR } from '../../protocol/trace';
import type { EmitEvent } from '../../runner/brokerModule';
import { DEAD_LETTER_NAME, originOfDeadLetters } from '../../runner/inside/deadLetterNames';
import { NSQ } from '../endpoints';
import { serverNsqSecret } from './auth';
import { unwrapBody } from './instrument/envelope';
import { nsqdTopics } from './nsqdHttp';

/** The server's channel on each dead-letter topic; left out of the run's figures. */
export const OBSERVER_CHANNEL = 'mqlab-observer';
const POLL_MS = 100;

/**
 * The server's own readers on the run's dead-letter topics (`orders.dlq`…), found by polling
 * nsqd's /stats: every message there becomes a dead-letter event read from the broker.
 * (An NSQ channel only gets messages published after it exists; the observer subscribes
 * within ~100 ms of the topic appearing, and run-end compares its count with nsqd's.)
 */
export class DeadLetterTopics {
  private readonly readers = new Map<string, Reader>();
  private readonly received = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
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

  /** Waits (bounded) until the observer channel of every dead-letter topic is drained. */
  async settle(timeoutMs = 3000): Promise<void> {
    await this.discover().catch(() => {});
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
      const topics = await nsqdTopics(this.prefix);
      const busy = topics.some((t) =>
        t.channels.some(
          (c) =>
            c.channel_name === OBSERVER_CHANNEL &&
            c.depth + c.in_flight_count + c.deferred_count > 0,
        ),
      );
      if (!busy) return;
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const reader of this.readers.values()) reader.close();
  }

  private async discover() {
    for (const { topic_name: topic } of await nsqdTopics(this.prefix)) {
      if (
        this.readers.has(topic) ||
        this.stopped ||
        !DEAD_LETTER_NAME.test(topic.slice(this.prefix.length))
      )
        continue;
      const reader = new Reader(topic, OBSERVER_CHANNEL, {
        nsqdTCPAddresses: [`${NSQ.host}:${NSQ.nsqdTcpPort}`],
        authSecret: serverNsqSecret(),
        maxInFlight: 100,
      });
      reader.on('error', () => {});
      reader.on('message', (msg: Message) => {
        this.received.set(topic, (this.received.get(topic) ?? 0) + 1);
        this.emit(deadLetter(topic.slice(this.prefix.length), msg));
        msg.finish();
      });
      reader.connect();
      this.readers.set(topic, reader);
    }
  }
}

function deadLetter(topic: string, msg: Message) {
  const { stamp, body } = unwrapBody(msg.body);
  const original = originOfDeadLetters(topic);
  return {
    type: 'dead-letter' as const,
    ts: Date.now(),
    script: BROKER_ACTOR,
    msgId: stamp?.id ?? `unstamped:${topic}:${msg.id}`,
    ...(stamp ? { seq: stamp.seq, producer: stamp.producer } : {}),
    destination: topic,
    key: stamp?.key ?? original,
    reason: 'moved to the dead-letter topic',
    originalDestination: original,
    observedBy: 'broker' as const,
    payload: Buffer.from(body).toString('utf8').slice(0, 512),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
