import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';

/**
 * A channel on the server's own connection to a run's vhost, opened when first needed and
 * opened again after the broker closed it (a passive declare of a queue deleted a moment
 * ago, a publish to a missing exchange: AMQP answers both by closing the channel).
 */
export function reopeningChannel(admin: ChannelModel, confirm: true): () => Promise<ConfirmChannel>;
export function reopeningChannel(admin: ChannelModel, confirm?: false): () => Promise<Channel>;
export function reopeningChannel(admin: ChannelModel, confirm = false): () => Promise<Channel> {
  let open: Promise<Channel> | undefined;
  return () =>
    (open ??= (confirm ? admin.createConfirmChannel() : admin.createChannel()).then(
      (channel) => {
        channel.on('error', () => {});
        channel.on('close', () => (open = undefined));
        return channel;
      },
      (err: Error) => {
        open = undefined;
        throw err;
      },
    ));
}
