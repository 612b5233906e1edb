import type { Channel, ConsumeMessage, GetMessage, Message, Options } from 'amqplib';
import { byteLength, previewPayload } from '../../../runner/inside/payload.ts';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { STAMP, nextStamp, readStamp } from '../../../runner/inside/stamps.ts';
import { emit } from '../../../runner/inside/traceWriter.ts';
import type { DeadLetterTap } from './deadLetterTap.ts';
import { Settlements, type Delivered } from './settlements.ts';

type PublishFn = (
  ex: string,
  rk: string,
  content: Buffer,
  options?: Options.Publish,
  cb?: unknown,
) => boolean;
let exchangesDeclared = 0;

/**
 * Instruments one amqplib channel in place (it stays the real object, so `instanceof` and
 * every untouched method behave as documented): publishes are stamped and traced,
 * deliveries and settlements traced, declarations reported and dead-letter exchanges tapped.
 */
export function traceChannel<C extends Channel>(ch: C, tap: DeadLetterTap): C {
  const settlements = new Settlements();
  ch.on('close', () => settlements.forget());

  const publish = ch.publish.bind(ch) as PublishFn;
  (ch as { publish: PublishFn }).publish = (exchange, routingKey, content, options, cb) => {
    if (byteLength(content) > runConfig.limits.messageBytes) {
      throw new RangeError(
        `MQ Lab limits messages to ${runConfig.limits.messageBytes} bytes in the playground`,
      );
    }
    const headers: Record<string, unknown> = { ...(options?.headers ?? {}) };
    const prior = readStamp(headers);
    const destination = exchange || routingKey;
    const stamp =
      prior.msgId && prior.seq
        ? { msgId: prior.msgId, seq: prior.seq, producer: prior.producer ?? runConfig.script }
        : nextStamp(destination, routingKey);
    headers[STAMP.id] = stamp.msgId;
    headers[STAMP.seq] = stamp.seq;
    headers[STAMP.producer] = stamp.producer;
    emit({
      type: 'produce',
      ...stamp,
      destination,
      exchange,
      key: routingKey,
      headers: printable(headers),
      payload: previewPayload(content),
      size: byteLength(content),
      ...(prior.msgId ? { republished: true } : {}),
    });
    return publish(exchange, routingKey, content, { ...options, headers }, cb);
  };

  const onDelivery = (subscription: string, msg: Message, noAck: boolean | undefined) => {
    const stamp = readStamp(msg.properties.headers);
    const what: Delivered = {
      msgId: stamp.msgId ?? `unstamped:${subscription}:${msg.fields.deliveryTag}`,
      destination: msg.fields.exchange || msg.fields.routingKey,
      key: msg.fields.routingKey,
      ...(stamp.seq !== undefined ? { seq: stamp.seq } : {}),
      ...(stamp.producer ? { producer: stamp.producer } : {}),
      subscription,
    };
    emit({
      type: 'deliver',
      ...what,
      deliveryTag: msg.fields.deliveryTag,
      redelivered: !!msg.fields.redelivered,
      payload: previewPayload(msg.content),
    });
    if (noAck) emit({ type: 'ack', ...what });
    else settlements.delivered(msg.fields.deliveryTag, what);
  };

  const consume = ch.consume.bind(ch);
  ch.consume = async (queue, onMessage, options) => {
    const ok = await consume(
      queue,
      (msg: ConsumeMessage | null) => {
        if (msg) onDelivery(queue, msg, options?.noAck);
        onMessage(msg);
      },
      options,
    );
    emit({
      type: 'declare',
      kind: 'consumer',
      name: runConfig.script,
      source: queue,
      detail: { noAck: !!options?.noAck },
    });
    return ok;
  };

  const get = ch.get.bind(ch);
  ch.get = async (queue, options) => {
    const msg = await get(queue, options);
    if (msg) onDelivery(queue, msg as GetMessage, options?.noAck);
    return msg;
  };

  const ack = ch.ack.bind(ch);
  ch.ack = (message, allUpTo) => (
    settlements.settle(message, !!allUpTo, 'ack'),
    ack(message, allUpTo)
  );
  const ackAll = ch.ackAll.bind(ch);
  ch.ackAll = () => (settlements.settle(undefined, true, 'ack'), ackAll());
  const nack = ch.nack.bind(ch);
  ch.nack = (message, allUpTo, requeue) => (
    settlements.settle(message, !!allUpTo, requeue === false ? 'nack' : 'requeue'),
    nack(message, allUpTo, requeue)
  );
  const nackAll = ch.nackAll.bind(ch);
  ch.nackAll = (requeue) => (
    settlements.settle(undefined, true, requeue === false ? 'nack' : 'requeue'),
    nackAll(requeue)
  );
  const reject = ch.reject.bind(ch);
  ch.reject = (message, requeue) => (
    settlements.settle(message, false, requeue === false ? 'nack' : 'requeue'),
    reject(message, requeue)
  );

  instrumentDeclarations(ch, tap);
  return ch;
}

function instrumentDeclarations(ch: Channel, tap: DeadLetterTap) {
  const assertQueue = ch.assertQueue.bind(ch);
  ch.assertQueue = async (queue, options) => {
    const reply = await assertQueue(queue, await tap.rewriteQueueOptions(options));
    await tap.queueDeclared(reply.queue);
    emit({ type: 'declare', kind: 'queue', name: reply.queue, detail: queueDetail(options) });
    return reply;
  };
  const assertExchange = ch.assertExchange.bind(ch);
  ch.assertExchange = async (exchange, type, options) => {
    if (++exchangesDeclared > runConfig.limits.entities) {
      throw new RangeError(
        `MQ Lab allows ${runConfig.limits.entities} exchange declarations per script in the playground`,
      );
    }
    const reply = await assertExchange(exchange, type, options);
    await tap.exchangeDeclared(exchange);
    emit({
      type: 'declare',
      kind: 'exchange',
      name: exchange,
      detail: { type, durable: options?.durable ?? true },
    });
    return reply;
  };
  const bindQueue = ch.bindQueue.bind(ch);
  ch.bindQueue = async (queue, source, pattern, args) => {
    const reply = await bindQueue(queue, source, pattern, args);
    emit({
      type: 'declare',
      kind: 'binding',
      name: queue,
      source,
      detail: { routingKey: pattern },
    });
    return reply;
  };
  const bindExchange = ch.bindExchange.bind(ch);
  ch.bindExchange = async (destination, source, pattern, args) => {
    const reply = await bindExchange(destination, source, pattern, args);
    emit({
      type: 'declare',
      kind: 'binding',
      name: destination,
      source,
      detail: { routingKey: pattern, toExchange: true },
    });
    return reply;
  };
}

function queueDetail(options: Options.AssertQueue | undefined): Record<string, unknown> {
  const args = (options?.arguments ?? {}) as Record<string, unknown>;
  const detail: Record<string, unknown> = {
    durable: options?.durable ?? true,
    type: args['x-queue-type'] ?? 'classic',
    deadLetterExchange: options?.deadLetterExchange ?? args['x-dead-letter-exchange'],
    deadLetterRoutingKey: options?.deadLetterRoutingKey ?? args['x-dead-letter-routing-key'],
    messageTtl: options?.messageTtl ?? args['x-message-ttl'],
    maxLength: options?.maxLength ?? args['x-max-length'],
    deliveryLimit: args['x-delivery-limit'],
  };
  return Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined));
}

/** Header values as short strings for the trace (x-death and the like are summarised). */
function printable(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] =
      typeof v === 'string' ? v.slice(0, 200) : (JSON.stringify(v)?.slice(0, 200) ?? String(v));
  }
  return out;
}
