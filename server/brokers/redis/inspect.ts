import type { Redis } from 'ioredis';
import type { TraceEvent } from '../../protocol/trace';
import type { Agreement, BrokerFigures } from '../../runner/brokerModule';
import type { Counts } from '../../trace/traceCounts';
import { scanKeys } from './adminClient';

/** XLEN of every stream of the run; per consumer group, XPENDING's count and its consumers. */
export async function inspectRedisRun(redis: Redis, prefix: string): Promise<BrokerFigures> {
  const figures: BrokerFigures = {};
  for (const key of await scanKeys(redis, `${prefix}*`, 'stream')) {
    const stream = key.slice(prefix.length);
    figures[`stream:${stream}`] = { length: await redis.xlen(key) };
    const groups = (await redis.xinfo('GROUPS', key)) as (string | number)[][];
    for (const info of groups) {
      const group: Record<string, string | number> = {};
      for (let i = 0; i + 1 < info.length; i += 2) group[String(info[i])] = info[i + 1]!;
      figures[`group:${stream}/${group.name}`] = {
        pending: Number(group.pending),
        consumers: Number(group.consumers),
      };
    }
  }
  return figures;
}

/**
 * - stream length (XLEN) = entries the trace saw added (XADD through the wrappers);
 * - a group's pending count (XPENDING) = entries the trace saw delivered to the group and
 *   not acknowledged (claims move an entry, they do not add one).
 * A learner who trims or deletes entries makes the first disagree, and the run-end says so.
 */
export function compareRedisFigures(
  counts: Counts,
  figures: BrokerFigures,
  events: readonly TraceEvent[],
): Agreement[] {
  const rows: Agreement[] = [];
  const open = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.type === 'deliver')
      (open.get(e.subscription) ?? open.set(e.subscription, new Set()).get(e.subscription)!).add(
        e.msgId,
      );
    if (e.type === 'ack') open.get(e.subscription)?.delete(e.msgId);
  }
  for (const [entity, broker] of Object.entries(figures)) {
    const name = entity.slice(entity.indexOf(':') + 1);
    if (entity.startsWith('stream:')) {
      const produced = counts[name]?.produced ?? 0;
      rows.push({
        entity,
        figure: 'length',
        trace: produced,
        broker: broker.length ?? 0,
        agrees: produced === broker.length,
      });
    } else if (entity.startsWith('group:')) {
      const pending = open.get(name)?.size ?? 0;
      rows.push({
        entity,
        figure: 'pending',
        trace: pending,
        broker: broker.pending ?? 0,
        agrees: pending === broker.pending,
      });
    }
  }
  return rows;
}
