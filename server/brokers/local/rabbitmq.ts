import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RABBITMQ } from '../endpoints';
import { probeBroker } from '../probe';
import type { LocalBroker } from './localBroker';
import { paths } from './paths';
import { spawnDetached } from './processes';

/**
 * RabbitMQ from Debian's package, run as whoever calls us. Debian's /usr/sbin/rabbitmq-server
 * wrapper su's root to the rabbitmq user and writes under /var; the real script in
 * /usr/lib/rabbitmq/bin does not, so every file stays under .mqlab/.
 */

const EPMD_PORT = 4369;
const NODE_NAME = 'rabbit@localhost';
const DEBIAN_SCRIPTS = '/usr/lib/rabbitmq/bin';

const dataDir = () => paths.dataDir('rabbitmq');
const configDir = () => paths.configDir('rabbitmq');

export const localRabbitMq: LocalBroker = {
  broker: 'rabbitmq',
  aptPackages: ['rabbitmq-server'],
  async install() {},
  async start(logFile) {
    writeConfig();
    // Erlang nodes register with epmd; we start it ourselves so `down` can stop exactly it.
    if (!(await portAnswers(EPMD_PORT))) {
      await spawnDetached({
        name: 'epmd',
        command: 'epmd',
        args: ['-address', '127.0.0.1'],
        logFile,
      });
      for (let i = 0; i < 30 && !(await portAnswers(EPMD_PORT)); i++) await sleep(100);
    }
    // Foreground (not -detached) so the recorded pid leads the whole Erlang process group.
    await spawnDetached({
      name: 'rabbitmq',
      command: serverScript(),
      args: [],
      env: serverEnv(),
      logFile,
    });
  },
  async ready() {
    if (!(await probeBroker('rabbitmq')).up) return false;
    return managementAnswers();
  },
  processes: [
    { name: 'rabbitmq', marker: 'rabbitmq' },
    { name: 'epmd', marker: 'epmd' },
  ],
  startTimeoutMs: 60_000,
  // A clean stop takes 5–8 s; SIGKILL sooner risks a slow mnesia recovery on the next start.
  stopGraceMs: 20_000,
};

function serverScript(): string {
  const script = path.join(DEBIAN_SCRIPTS, 'rabbitmq-server');
  return fs.existsSync(script) ? script : 'rabbitmq-server';
}

function serverEnv(): Record<string, string> {
  const data = dataDir();
  return {
    // The Erlang cookie lands in $HOME; keep it with the node's data.
    HOME: data,
    RABBITMQ_NODENAME: NODE_NAME,
    RABBITMQ_MNESIA_BASE: path.join(data, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(data, 'log'),
    RABBITMQ_LOGS: '-',
    RABBITMQ_PLUGINS_EXPAND_DIR: path.join(data, 'plugins-expand'),
    RABBITMQ_CONFIG_FILE: path.join(configDir(), 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(configDir(), 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(configDir(), 'enabled_plugins'),
    RABBITMQ_CONF_ENV_FILE: path.join(configDir(), 'rabbitmq-env.conf'),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    // Inter-node port 25672 on loopback too.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
}

function writeConfig(): void {
  fs.mkdirSync(configDir(), { recursive: true });
  fs.mkdirSync(dataDir(), { recursive: true });
  const file = (name: string, text: string) => fs.writeFileSync(path.join(configDir(), name), text);
  file(
    'rabbitmq.conf',
    [
      `listeners.tcp.default = ${RABBITMQ.host}:${RABBITMQ.port}`,
      `management.tcp.ip = ${RABBITMQ.host}`,
      `management.tcp.port = ${RABBITMQ.managementPort}`,
      // Queue depths in the management API refresh every second instead of every 5 s.
      'collect_statistics_interval = 1000',
      // Status probes open a connection every few seconds; keep them out of the log.
      'log.connection.level = warning',
      '',
    ].join('\n'),
  );
  // Writing the plugins file directly is what `rabbitmq-plugins enable --offline` does.
  file('enabled_plugins', '[rabbitmq_management].\n');
  file('advanced.config', '[].\n');
  file('rabbitmq-env.conf', '# MQ Lab sets everything through the environment.\n');
}

async function managementAnswers(): Promise<boolean> {
  const auth = Buffer.from(`${RABBITMQ.username}:${RABBITMQ.password}`).toString('base64');
  try {
    const res = await fetch(`${RABBITMQ.managementUrl}/api/overview`, {
      headers: { authorization: `Basic ${auth}` },
      signal: AbortSignal.timeout(1500),
    });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, timeout: 500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
