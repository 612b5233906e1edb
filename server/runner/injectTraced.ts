import { RUN_ACTOR, type TraceEventOf } from '../protocol/trace';
import type { InjectedMessage } from './brokerModule';
import { FaultRefused } from './faults/injectedMessages';
import { previewPayload } from './inside/payload';
import type { Run } from './run';

/**
 * Puts a message the server made (poison, duplicate, a replayed dead letter) into a live run,
 * traced as the wrappers trace theirs: the `produce` event first, then the broker write.
 * `republished` marks a message the run has seen before coming back (a replay). Refused
 * (FaultRefused) once the run's trace is closed: nothing untraced reaches the broker.
 */
export async function injectTraced(
  run: Run,
  message: InjectedMessage,
  options: { republished?: boolean } = {},
) {
  const payload =
    run.broker === 'redis' && message.fields ? JSON.stringify(message.fields) : message.body;
  const event = run.emit({
    type: 'produce',
    ts: Date.now(),
    script: RUN_ACTOR,
    msgId: message.msgId,
    seq: message.seq,
    producer: message.producer,
    destination: message.destination,
    ...(message.key !== undefined ? { key: message.key } : {}),
    ...(message.exchange !== undefined ? { exchange: message.exchange } : {}),
    ...(message.partition !== undefined ? { partition: message.partition } : {}),
    payload: previewPayload(payload),
    size: Buffer.byteLength(payload),
    ...(options.republished ? { republished: true } : {}),
  });
  if (!event) throw new FaultRefused('the run is ending');
  await run.session!.inject(message);
  return event as TraceEventOf<'produce'>;
}
