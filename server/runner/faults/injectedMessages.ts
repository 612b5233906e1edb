import type { Broker } from '../../protocol/brokers';
import { RUN_ACTOR, type TraceEvent, type TraceEventOf } from '../../protocol/trace';
import type { InjectedMessage } from '../brokerModule';

/** The default poison body: not the JSON (or whatever) the run's consumers expect. */
export const POISON_BODY = 'poison: this is not the message your consumer expects {';

type Produce = TraceEventOf<'produce'>;
type Deliver = TraceEventOf<'deliver'>;

/** Thrown when a fault cannot be applied to this run (unknown target, nothing to copy…). */
export class FaultRefused extends Error {}

/**
 * A poison message for `destination`, shaped like the run's own messages there: the same
 * exchange and routing key (RabbitMQ), key and partition (Kafka), fields (Redis) as the last
 * message produced to it; with only a declaration to go by, the bare destination.
 */
export function poisonMessage(
  events: readonly TraceEvent[],
  broker: Broker,
  destination: string,
  stamp: { msgId: string; seq: (key: string | undefined) => number },
  body = POISON_BODY,
): InjectedMessage {
  const last = findLast(
    events,
    (e): e is Produce => e.type === 'produce' && e.destination === destination,
  );
  let shape: Pick<InjectedMessage, 'exchange' | 'key' | 'partition' | 'fields'>;
  if (last) {
    shape = {
      ...(broker === 'rabbitmq' ? { exchange: last.exchange ?? '' } : {}),
      ...(last.key !== undefined ? { key: last.key } : {}),
      ...(broker === 'kafka' ? lastPartition(events, last.key, destination) : {}),
      ...(broker === 'redis' ? { fields: poisonFields(last.payload, last.key, body) } : {}),
    };
  } else {
    const declared = events.find(
      (e): e is TraceEventOf<'declare'> =>
        e.type === 'declare' && e.name === destination && e.kind !== 'consumer',
    );
    if (!declared) throw new FaultRefused(`nothing in this run is called "${destination}" yet`);
    shape =
      broker === 'rabbitmq'
        ? declared.kind === 'exchange'
          ? { exchange: destination, key: '' }
          : { exchange: '', key: destination }
        : broker === 'nsq'
          ? { key: destination }
          : {};
  }
  return {
    msgId: stamp.msgId,
    seq: stamp.seq(shape.key),
    producer: RUN_ACTOR,
    destination,
    body,
    ...shape,
  };
}

/**
 * A copy of a message the run delivered and acknowledged from `target` (a destination or a
 * subscription): the same stamp (msgId, seq, producer), key, headers and body, into the
 * destination it was produced to (a Kafka copy into the partition the original was read
 * from). `msgId` picks the message; otherwise the last one acknowledged.
 */
export function duplicateMessage(
  events: readonly TraceEvent[],
  broker: Broker,
  target: string,
  msgId?: string,
): InjectedMessage {
  const acked = new Set<string>();
  for (const e of events) if (e.type === 'ack') acked.add(`${e.subscription}\u0000${e.msgId}`);
  const original = findLast(
    events,
    (e): e is Deliver =>
      e.type === 'deliver' &&
      (e.destination === target || e.subscription === target) &&
      e.seq !== undefined &&
      !e.msgId.startsWith('unstamped:') &&
      (msgId === undefined || e.msgId === msgId) &&
      acked.has(`${e.subscription}\u0000${e.msgId}`),
  );
  if (!original) {
    throw new FaultRefused(
      msgId
        ? `message ${msgId} was not delivered and acknowledged from "${target}"`
        : `no message from "${target}" has been delivered and acknowledged yet`,
    );
  }
  const produced = events.find(
    (e): e is Produce => e.type === 'produce' && e.msgId === original.msgId,
  );
  const headers = Object.fromEntries(
    Object.entries(produced?.headers ?? {}).filter(([name]) => !name.startsWith('x-mqlab-')),
  );
  const body = produced?.payload ?? original.payload;
  const fields = broker === 'redis' ? jsonFields(body) : undefined;
  return {
    msgId: original.msgId,
    seq: original.seq!,
    producer: original.producer ?? produced?.producer ?? original.script,
    destination: produced?.destination ?? original.destination,
    ...(produced?.exchange !== undefined ? { exchange: produced.exchange } : {}),
    ...((produced?.key ?? original.key) !== undefined
      ? { key: produced?.key ?? original.key }
      : {}),
    ...(original.partition !== undefined ? { partition: original.partition } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(fields ? { fields } : {}),
    body,
  };
}

/** Redis: the template entry's field names, each holding the poison; its `key` field kept. */
function poisonFields(payload: string, key: string | undefined, body: string) {
  const template = jsonFields(payload) ?? { data: '' };
  const fields = Object.fromEntries(Object.keys(template).map((name) => [name, body]));
  if ('key' in template && key !== undefined) fields.key = key;
  return fields;
}

function jsonFields(text: string): Record<string, string> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === 'string') && entries.length > 0
      ? (value as Record<string, string>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The partition the run's messages with this key were last read from (Kafka). */
function lastPartition(events: readonly TraceEvent[], key: string | undefined, topic: string) {
  const read = findLast(
    events,
    (e): e is Deliver =>
      e.type === 'deliver' && e.destination === topic && e.key === key && e.partition !== undefined,
  );
  return read?.partition !== undefined ? { partition: read.partition } : {};
}

function findLast<T extends TraceEvent>(
  events: readonly TraceEvent[],
  test: (e: TraceEvent) => e is T,
): T | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (test(events[i]!)) return events[i] as T;
  return undefined;
}

/**
 * A dead letter put back where it was first produced (the replay action): the original
 * stamp, destination, exchange, key, headers and body, from the run's trace. Refused when
 * the message was not dead-lettered, or when the trace kept only part of its body (it keeps
 * the first 512 characters): replaying a cut body would not be the same message.
 */
export function replayMessage(
  events: readonly TraceEvent[],
  broker: Broker,
  msgId: string,
): InjectedMessage {
  const dead = events.some((e) => e.type === 'dead-letter' && e.msgId === msgId);
  if (!dead) throw new FaultRefused(`message ${msgId} has not been dead-lettered in this run`);
  const produced = events.find(
    (e): e is Produce => e.type === 'produce' && e.msgId === msgId && !e.republished,
  );
  if (!produced || produced.seq === undefined)
    throw new FaultRefused(`message ${msgId} was not published through MQ Lab's tracing`);
  const body = produced.payload;
  if (Buffer.byteLength(body) !== produced.size || body.includes('\uFFFD')) {
    throw new FaultRefused(
      `message ${msgId} is ${produced.size} bytes and the trace keeps only its first 512 characters of text: it cannot be replayed faithfully`,
    );
  }
  const headers = Object.fromEntries(
    Object.entries(produced.headers ?? {}).filter(([name]) => !name.startsWith('x-mqlab-')),
  );
  const fields = broker === 'redis' ? jsonFields(body) : undefined;
  return {
    msgId,
    seq: produced.seq,
    producer: produced.producer ?? produced.script,
    destination: produced.destination,
    ...(produced.exchange !== undefined ? { exchange: produced.exchange } : {}),
    ...(produced.key !== undefined ? { key: produced.key } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(fields ? { fields } : {}),
    body,
  };
}
