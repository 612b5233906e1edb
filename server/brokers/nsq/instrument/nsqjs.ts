/**
 * What `import nsq from 'nsqjs'` gives a learner's script in the playground: the real nsqjs
 * connected to the local nsqd whatever address the learner wrote (lookupd discovery is
 * replaced by the one nsqd) with the run's auth secret, topics under the run's prefix, stamps
 * carried in a small body envelope (envelope.ts), and publishes, deliveries, finish / requeue
 * and discards traced.
 */
import * as real from 'nsqjs';
import type { ReaderConnectionConfigOptions } from 'nsqjs';
import { byteLength, previewPayload } from '../../../runner/inside/payload.ts';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { nextStamp } from '../../../runner/inside/stamps.ts';
import { emit } from '../../../runner/inside/traceWriter.ts';
import { unwrapBody, wrapBody } from './envelope.ts';

const target = runConfig.connection as unknown as {
  host: string;
  port: number;
  /** nsqd's auth service grants it the run's prefix only (server/brokers/nsq/auth.ts). */
  authSecret?: string;
};
const prefix = runConfig.prefix;
/** Replaces any secret the learner passed (runs of other brokers have none: nsqjs refuses undefined). */
const auth = target.authSecret ? { authSecret: target.authSecret } : {};
/** nsqd refuses topic names over 64 characters; the run prefix takes some. */
const MAX_TOPIC = 64;
const seenTopics = new Set<string>();
/** Bodies handed to the learner, with the stamp they came with: re-publishing one keeps its identity. */
const delivered = new WeakMap<Buffer, { id: string; seq: number; producer: string; key: string }>();

function topicName(topic: string): string {
  if (runConfig.broker !== 'nsq')
    throw new Error(`this run is for ${runConfig.broker}: nsqjs has no broker to talk to`);
  if (prefix.length + topic.length > MAX_TOPIC) {
    throw new RangeError(
      `topic names can be at most ${MAX_TOPIC - prefix.length} characters in the playground`,
    );
  }
  if (!seenTopics.has(topic)) {
    seenTopics.add(topic);
    emit({ type: 'declare', kind: 'topic', name: topic });
  }
  return prefix + topic;
}

type Body = string | Buffer | object;

function toBytes(msg: Body): Buffer {
  return Buffer.isBuffer(msg)
    ? msg
    : Buffer.from(typeof msg === 'string' ? msg : JSON.stringify(msg));
}

/** Stamps each message once (nsqjs calls publish again by itself when it was not ready yet). */
function stampAll(topic: string, msgs: Body | Body[], delayMs?: number): Buffer[] {
  return (Array.isArray(msgs) ? msgs : [msgs]).map((msg) => {
    const bytes = toBytes(msg);
    if (unwrapBody(bytes).stamp) return bytes;
    if (bytes.length > runConfig.limits.messageBytes) {
      throw new RangeError(
        `MQ Lab limits messages to ${runConfig.limits.messageBytes} bytes in the playground`,
      );
    }
    const prior = Buffer.isBuffer(msg) ? delivered.get(msg) : undefined;
    const stamp = prior
      ? { msgId: prior.id, seq: prior.seq, producer: prior.producer }
      : nextStamp(topic, topic);
    const key = prior?.key ?? topic;
    emit({
      type: 'produce',
      ...stamp,
      destination: topic,
      key,
      payload: previewPayload(bytes),
      size: byteLength(bytes),
      ...(delayMs ? { delayMs } : {}),
      ...(prior ? { republished: true } : {}),
    });
    return Buffer.from(
      wrapBody({ id: stamp.msgId, seq: stamp.seq, producer: stamp.producer, key }, bytes),
    );
  });
}

export class Writer extends real.Writer {
  constructor(
    _host?: string,
    _port?: number,
    options?: ConstructorParameters<typeof real.Writer>[2],
  ) {
    super(target.host, target.port, { ...options, ...auth });
  }

  publish(topic: string, msgs: Body | Body[], callback?: (err?: Error) => void): void {
    const name = topic.startsWith(prefix) ? topic : topicName(topic);
    super.publish(name, stampAll(name.slice(prefix.length), msgs), callback);
  }

  deferPublish(
    topic: string,
    msgs: Body | Body[],
    timeMs: number,
    callback?: (err?: Error) => void,
  ): void {
    const name = topic.startsWith(prefix) ? topic : topicName(topic);
    super.deferPublish(name, stampAll(name.slice(prefix.length), msgs, timeMs), timeMs, callback);
  }
}

export class Reader extends real.Reader {
  private readonly learnerTopic: string;

  constructor(topic: string, channel: string, options?: ReaderConnectionConfigOptions) {
    // Discovery through nsqlookupd is replaced by the run's one nsqd (its HTTP port stays closed).
    const direct: ReaderConnectionConfigOptions = { ...options };
    delete direct.lookupdHTTPAddresses;
    super(topicName(topic), channel, {
      ...direct,
      nsqdTCPAddresses: [`${target.host}:${target.port}`],
      ...auth,
    });
    this.learnerTopic = topic;
  }

  emit(event: string | symbol, ...args: unknown[]): boolean {
    if ((event === 'message' || event === 'discard') && args[0] instanceof real.Message) {
      traceMessage(
        args[0],
        this.learnerTopic,
        (this as unknown as { channel: string }).channel,
        event === 'discard',
      );
    }
    return super.emit(event, ...args);
  }
}

function traceMessage(msg: real.Message, topic: string, channel: string, discarded: boolean) {
  const { stamp, body } = unwrapBody(msg.body);
  const learnerBody = Buffer.from(body);
  Object.defineProperty(msg, 'body', { value: learnerBody, configurable: true });
  if (stamp) delivered.set(learnerBody, { ...stamp, key: stamp.key ?? topic });
  const what = {
    msgId: stamp?.id ?? `unstamped:${topic}:${msg.id}`,
    destination: topic,
    key: stamp?.key ?? topic,
    ...(stamp ? { seq: stamp.seq, producer: stamp.producer } : {}),
    subscription: `${topic}/${channel}`,
  };
  emit({ type: 'deliver', ...what, redelivered: msg.attempts > 1, payload: previewPayload(body) });
  let settled = false;
  const finish = msg.finish.bind(msg);
  const requeue = msg.requeue.bind(msg);
  msg.finish = () => {
    if (!settled && !msg.hasResponded && !discarded) emit({ type: 'ack', ...what });
    settled = true;
    finish();
  };
  msg.requeue = (delay?: number, backoff?: boolean) => {
    if (!settled && !msg.hasResponded)
      emit({ type: 'requeue', ...what, ...(delay ? { delayMs: delay } : {}) });
    settled = true;
    requeue(delay, backoff);
  };
  if (discarded) {
    emit({
      type: 'dead-letter',
      ...what,
      reason: 'max-attempts',
      originalDestination: topic,
      attempts: msg.attempts,
      payload: previewPayload(body),
    });
  }
}

export const Message = real.Message;
const nsqjs = { Reader, Writer, Message };
export default nsqjs;
