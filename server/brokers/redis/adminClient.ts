import { Redis } from 'ioredis';
import { REDIS } from '../endpoints';
import { brokerSecrets } from '../secrets';

/**
 * How the server reaches Redis: as `default`, whose password only the server knows
 * (.mqlab/secrets.json). Learner runs get their own ACL users instead.
 */
export function serverRedisOptions() {
  return { host: REDIS.host, port: REDIS.port, password: brokerSecrets().redisPassword };
}

/** The server's own Redis connection (the default account); never handed to a sandbox. */
export function redisAdmin(): Redis {
  const redis = new Redis({
    ...serverRedisOptions(),
    maxRetriesPerRequest: 2,
    lazyConnect: false,
  });
  redis.on('error', () => {});
  return redis;
}

/** Every key under `pattern`, optionally of one type (SCAN: never blocks the server like KEYS). */
export async function scanKeys(redis: Redis, pattern: string, type?: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const args: (string | number)[] = [cursor, 'MATCH', pattern, 'COUNT', 1000];
    if (type) args.push('TYPE', type);
    const [next, batch] = (await redis.call('SCAN', ...args)) as [string, string[]];
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

export async function deleteKeys(redis: Redis, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) await redis.unlink(...keys.slice(i, i + 500));
}
