import { probeBroker } from '../probe';
import { REDIS } from '../endpoints';
import type { LocalBroker } from './localBroker';
import { paths } from './paths';
import { spawnDetached } from './processes';
import fs from 'node:fs';

export const localRedis: LocalBroker = {
  broker: 'redis',
  aptPackages: ['redis-server'],
  async install() {},
  async start(logFile) {
    const dir = paths.dataDir('redis');
    fs.mkdirSync(dir, { recursive: true });
    // Foreground (no --daemonize) so the pid we record is the server itself; no persistence.
    await spawnDetached({
      name: 'redis',
      command: 'redis-server',
      args: [
        '--bind',
        REDIS.host,
        '--port',
        String(REDIS.port),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      logFile,
    });
  },
  ready: async () => (await probeBroker('redis')).up,
  processes: [{ name: 'redis', marker: 'redis-server' }],
  startTimeoutMs: 10_000,
  stopGraceMs: 5_000,
};
