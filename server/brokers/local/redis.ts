import { probeBroker } from '../probe';
import { REDIS } from '../endpoints';
import { brokerSecrets } from '../secrets';
import type { LocalBroker } from './localBroker';
import { paths, writePrivateFile } from './paths';
import { spawnDetached } from './processes';
import fs from 'node:fs';
import path from 'node:path';

export const localRedis: LocalBroker = {
  broker: 'redis',
  aptPackages: ['redis-server'],
  async install() {},
  async start(logFile) {
    const dir = paths.dataDir('redis');
    fs.mkdirSync(dir, { recursive: true });
    // Foreground (no --daemonize) so the pid we record is the server itself.
    await spawnDetached({
      name: 'redis',
      command: 'redis-server',
      args: [writeRedisConfig(dir)],
      logFile,
    });
  },
  ready: async () => (await probeBroker('redis')).up,
  processes: [{ name: 'redis', marker: 'redis-server' }],
  startTimeoutMs: 10_000,
  stopGraceMs: 5_000,
};

/**
 * The config goes in a file (mode 0600) rather than on the command line, so the `default`
 * user's password is not in `ps`. `default` is the server's account: learner runs get their
 * own ACL users (redis/provision.ts), and a script speaking RESP itself gets NOAUTH.
 * No persistence: the brokers are scratch space.
 */
function writeRedisConfig(dataDir: string): string {
  const file = path.join(paths.configDir('redis'), 'redis.conf');
  const lines = [
    `bind ${REDIS.host}`,
    `port ${REDIS.port}`,
    'save ""',
    'appendonly no',
    `dir ${JSON.stringify(dataDir)}`,
    `requirepass ${brokerSecrets().redisPassword}`,
  ];
  writePrivateFile(file, `${lines.join('\n')}\n`);
  return file;
}
