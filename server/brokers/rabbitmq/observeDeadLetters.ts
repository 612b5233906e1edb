import type { Channel, ConsumeMessage } from 'amqplib';
import { BROKER_ACTOR } from '../../protocol/trace';
import type { EmitEvent } from '../../runner/brokerModule';
import { DEAD_LETTER_QUEUE, TAP_PREFIX } from './instrument/names';

interface Death {
  reason?: string;
  queue?: string;
  count?: number;
  exchange?: string;
  'routing-keys'?: string[];
}

/**
 * The server's own consumer on the run's dead-letter copy queue: every dead letter is
 * reported from the broker's x-death header, whatever the learner's code does or prints.
 */
export async function observeDeadLetters(channel: Channel, emit: EmitEvent): Promise<void> {
  await channel.consume(
    DEAD_LETTER_QUEUE,
    (msg) => {
      if (msg) emit(deadLetterEvent(msg));
    },
    { noAck: true },
  );
}

function deadLetterEvent(msg: ConsumeMessage) {
  const headers = (msg.properties.headers ?? {}) as Record<string, unknown>;
  const death = ((headers['x-death'] as Death[] | undefined) ?? [])[0] ?? {};
  const text = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const seq = Number(text(headers['x-mqlab-seq']));
  const dlx = msg.fields.exchange.startsWith(TAP_PREFIX)
    ? msg.fields.exchange.slice(TAP_PREFIX.length)
    : msg.fields.exchange;
  const key = death['routing-keys']?.[0] ?? msg.fields.routingKey;
  return {
    type: 'dead-letter' as const,
    ts: Date.now(),
    script: BROKER_ACTOR,
    msgId: text(headers['x-mqlab-id']) ?? `unstamped:dead-letter:${msg.fields.deliveryTag}`,
    ...(Number.isInteger(seq) ? { seq } : {}),
    ...(text(headers['x-mqlab-producer']) ? { producer: text(headers['x-mqlab-producer'])! } : {}),
    destination: dlx || msg.fields.routingKey,
    key,
    reason: String(death.reason ?? 'unknown'),
    originalDestination: String(death.queue ?? ''),
    observedBy: 'broker' as const,
    payload: msg.content.subarray(0, 2048).toString('utf8').slice(0, 512),
  };
}
