import type { Redis } from 'ioredis';
import type { InjectedMessage } from '../../runner/brokerModule';
import { STAMP } from '../../runner/inside/stampNames';

/**
 * Adds an entry to one of the run's streams as the traced ioredis would (XADD under the
 * run's prefix, MQ Lab's stamp as extra fields). The fields are the run's own message's
 * (a duplicate: the original entry's, read back with XRANGE by the caller).
 */
export async function injectRedisEntry(
  redis: Redis,
  prefix: string,
  message: InjectedMessage,
): Promise<void> {
  const fields = {
    ...(message.fields ?? { data: message.body }),
    [STAMP.id]: message.msgId,
    [STAMP.seq]: String(message.seq),
    [STAMP.producer]: message.producer,
  };
  await redis.xadd(prefix + message.destination, '*', ...Object.entries(fields).flat());
}
