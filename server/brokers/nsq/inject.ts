import type { InjectedMessage } from '../../runner/brokerModule';
import { NSQ } from '../endpoints';
import { wrapBody } from './instrument/envelope';

/**
 * Publishes a message to one of the run's topics (nsqd's HTTP /pub, which only the server
 * can reach) in MQ Lab's envelope, exactly as the traced Writer sends the run's own.
 */
export async function injectNsqMessage(prefix: string, message: InjectedMessage): Promise<void> {
  const body = wrapBody(
    {
      id: message.msgId,
      seq: message.seq,
      producer: message.producer,
      key: message.key ?? message.destination,
    },
    new TextEncoder().encode(message.body),
  );
  const topic = encodeURIComponent(prefix + message.destination);
  const res = await fetch(`${NSQ.nsqdHttpUrl}/pub?topic=${topic}`, {
    method: 'POST',
    body: Buffer.from(body),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`nsqd /pub: ${res.status} ${await res.text()}`);
}
