import type { BrokerModule } from '../../runner/brokerModule';
import { REDIS } from '../endpoints';
import { provisionRedisRun } from './provision';
import { sweepRedisRuns } from './sweep';

/** Redis Streams: isolation by a per-run ACL user and key prefix; dead-letter streams read by the server. */
export const redisModule: BrokerModule = {
  broker: 'redis',
  allowNet: [`${REDIS.host}:${REDIS.port}`],
  ports: [REDIS.port],
  provision: provisionRedisRun,
  sweep: sweepRedisRuns,
};
