import type { ConfirmChannel } from 'amqplib';
import type { InjectedMessage } from '../../runner/brokerModule';
import { STAMP } from '../../runner/inside/stampNames';

/**
 * Publishes a message into the run's vhost as the traced amqplib wrapper would: same
 * exchange and routing key as the run's own messages, MQ Lab's stamp in the headers, and
 * waits for the broker's confirm (a missing exchange is an error, not a silent loss).
 */
export async function injectRabbitMessage(
  channel: () => Promise<ConfirmChannel>,
  message: InjectedMessage,
): Promise<void> {
  const ch = await channel();
  ch.publish(
    message.exchange ?? '',
    message.key ?? message.destination,
    Buffer.from(message.body),
    {
      persistent: true,
      headers: {
        ...message.headers,
        [STAMP.id]: message.msgId,
        [STAMP.seq]: message.seq,
        [STAMP.producer]: message.producer,
      },
    },
  );
  await ch.waitForConfirms();
}
