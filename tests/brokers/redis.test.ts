import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { serverRedisOptions } from '../../server/brokers/redis/adminClient';
import { requireBroker, uniqueName } from './helpers';

describe('Redis Streams (real broker)', () => {
  let redis: Redis;
  const keys: string[] = [];

  before(async () => {
    await requireBroker('redis');
    redis = new Redis({ ...serverRedisOptions(), maxRetriesPerRequest: 1 });
  });

  after(async () => {
    if (keys.length > 0) await redis.del(...keys);
    await redis?.quit();
  });

  it('delivers an XADD entry to an XREAD consumer', async () => {
    const stream = uniqueName('stream');
    keys.push(stream);
    const id = await redis.xadd(stream, '*', 'greeting', 'hello');
    const read = await redis.xread('COUNT', 1, 'STREAMS', stream, '0');
    assert.deepEqual(read, [[stream, [[id, ['greeting', 'hello']]]]]);
  });

  it('keeps an XREADGROUP entry pending until XACK', async () => {
    const stream = uniqueName('orders');
    keys.push(stream);
    const group = 'billing';
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    const id = await redis.xadd(stream, '*', 'order', '42');

    const read = (await redis.xreadgroup(
      'GROUP',
      group,
      'worker-1',
      'COUNT',
      1,
      'STREAMS',
      stream,
      '>',
    )) as [string, [string, string[]][]][] | null;
    assert.equal(read?.[0]?.[1]?.[0]?.[0], id);
    assert.equal(await pendingCount(redis, stream, group), 1);

    assert.equal(await redis.xack(stream, group, id!), 1);
    assert.equal(await pendingCount(redis, stream, group), 0);
  });
});

async function pendingCount(redis: Redis, stream: string, group: string): Promise<number> {
  // Summary form: [count, smallest id, greatest id, [[consumer, count], ...]].
  const [count] = (await redis.xpending(stream, group)) as [number, ...unknown[]];
  return count;
}
