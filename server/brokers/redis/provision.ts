import { randomBytes } from 'node:crypto';
import type { BrokerSession, RunIdentity } from '../../runner/brokerModule';
import { REDIS } from '../endpoints';
import { deleteKeys, redisAdmin, scanKeys } from './adminClient';
import { dropRedisConnections } from './dropConnections';
import { injectRedisEntry } from './inject';
import { compareRedisFigures, inspectRedisRun } from './inspect';
import { DeadLetterStreams } from './observeDeadLetters';
import { sampleRedisRun } from './sample';

/**
 * The run's ACL rules: its own keys and channels only; no server administration, no
 * commands that list or touch the whole keyspace (SCAN would reveal other runs' key names).
 */
function aclRules(prefix: string, password: string): string[] {
  return [
    'reset',
    'on',
    `>${password}`,
    `~${prefix}*`,
    `&${prefix}*`,
    '+@all',
    '-@dangerous',
    '-@admin',
    '-scan',
    '-randomkey',
    '-select',
    '-swapdb',
    '-move',
    '-migrate',
    '-wait',
    '+info',
    '+client|setname',
    '+client|getname',
    '+client|id',
  ];
}

export const redisUser = (runId: string) => `mqlab-${runId}`;

/**
 * A run gets its own ACL user that can only touch keys under the run's prefix; the wrapper
 * puts every key there (ioredis keyPrefix) and maps names back. The server keeps its own
 * connection to read dead-letter streams and the figures, and deletes the keys at the end.
 */
export async function provisionRedisRun(run: RunIdentity): Promise<BrokerSession> {
  const admin = redisAdmin();
  const user = redisUser(run.runId);
  const password = randomBytes(18).toString('base64url');
  await admin.call('ACL', 'SETUSER', user, ...aclRules(run.prefix, password));
  let deadLetters: DeadLetterStreams | undefined;
  let cleaned: Promise<void> | undefined;
  return {
    connection: { host: REDIS.host, port: REDIS.port, username: user, password },
    async observe(emit) {
      deadLetters = new DeadLetterStreams(admin, run.prefix, emit);
      deadLetters.start();
    },
    async inspect() {
      deadLetters?.stop();
      await deadLetters?.poll(); // the last dead letters, before counting
      return inspectRedisRun(admin, run.prefix);
    },
    compare: compareRedisFigures,
    sample: () => sampleRedisRun(admin, run.prefix),
    inject: (message) => injectRedisEntry(admin, run.prefix, message),
    dropConnections: (ports) => dropRedisConnections(admin, ports),
    cleanup: () =>
      (cleaned ??= (async () => {
        deadLetters?.stop();
        await deleteRedisRun(admin, run.runId, run.prefix);
        admin.disconnect();
      })()),
  };
}

export async function deleteRedisRun(
  admin: ReturnType<typeof redisAdmin>,
  runId: string,
  prefix: string,
): Promise<void> {
  // Disconnect the run's clients first so nothing writes after the sweep.
  await admin.call('ACL', 'DELUSER', redisUser(runId));
  await admin.call('CLIENT', 'KILL', 'USER', redisUser(runId)).catch(() => {});
  await deleteKeys(admin, await scanKeys(admin, `${prefix}*`));
}
