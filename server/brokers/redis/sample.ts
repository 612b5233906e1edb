import type { Redis } from 'ioredis';
import type { BrokerFigures } from '../../runner/brokerModule';
import { scanKeys } from './adminClient';

/**
 * The run's streams while it is live, every second (exact at the moment Redis answers):
 * - `stream:<s>`: `length` (XLEN);
 * - `group:<s>/<g>`: `pending`, `consumers`, `lag` (entries not yet delivered to the group,
 *   when Redis can tell) from XINFO GROUPS;
 * - `consumer:<s>/<g>/<c>`: `pending`, `idleMs` (since its last read or claim) from XINFO CONSUMERS.
 */
export async function sampleRedisRun(redis: Redis, prefix: string): Promise<BrokerFigures> {
  const figures: BrokerFigures = {};
  for (const key of await scanKeys(redis, `${prefix}*`, 'stream')) {
    const stream = key.slice(prefix.length);
    figures[`stream:${stream}`] = { length: await redis.xlen(key) };
    for (const group of records(await redis.xinfo('GROUPS', key))) {
      const name = `${stream}/${group.name}`;
      figures[`group:${name}`] = {
        pending: Number(group.pending),
        consumers: Number(group.consumers),
        ...(typeof group.lag === 'number' ? { lag: group.lag } : {}),
      };
      for (const c of records(await redis.xinfo('CONSUMERS', key, String(group.name)))) {
        figures[`consumer:${name}/${c.name}`] = {
          pending: Number(c.pending),
          idleMs: Number(c.idle),
        };
      }
    }
  }
  return figures;
}

/** XINFO replies are flat [name, value, name, value…] lists, one per group / consumer. */
function records(reply: unknown): Record<string, unknown>[] {
  if (!Array.isArray(reply)) return [];
  return reply.map((flat: unknown[]) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = flat[i + 1];
    return out;
  });
}
