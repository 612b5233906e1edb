import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RABBITMQ } from '../endpoints';
import { probeBroker } from '../probe';
import { managementAuth } from '../rabbitmq/managementApi';
import { runLogged } from './install';
import type { LocalBroker } from './localBroker';
import { paths, writePrivateFile } from './paths';
import { liveGroup, spawnDetached } from './processes';

/**
 * RabbitMQ from Debian's package, run as whoever calls us. Debian's /usr/sbin/rabbitmq-server
 * wrapper su's root to the rabbitmq user and writes under /var; the real script in
 * /usr/lib/rabbitmq/bin does not, so every file stays under .mqlab/.
 */

const EPMD_PORT = 4369;
const NODE_NAME = 'rabbit@localhost';
const DEBIAN_SCRIPTS = '/usr/lib/rabbitmq/bin';

const START_TIMEOUT_MS = 60_000;

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
    await setUpServerAccount(logFile);
  },
  async ready() {
    if (!(await probeBroker('rabbitmq')).up) return false;
    return managementAnswers();
  },
  processes: [
    { name: 'rabbitmq', marker: 'rabbitmq' },
    { name: 'epmd', marker: 'epmd' },
  ],
  startTimeoutMs: START_TIMEOUT_MS,
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
  // Mode 0600: rabbitmq.conf holds the server account's password.
  const file = (name: string, text: string) => writePrivateFile(path.join(configDir(), name), text);
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
      // A fresh node gets the server's account instead of guest (setUpServerAccount does the rest).
      `default_user = ${RABBITMQ.username}`,
      `default_pass = ${RABBITMQ.password}`,
      'default_user_tags.administrator = true',
      'default_permissions.configure = .*',
      'default_permissions.read = .*',
      'default_permissions.write = .*',
      '',
    ].join('\n'),
  );
  // Writing the plugins file directly is what `rabbitmq-plugins enable --offline` does.
  file('enabled_plugins', '[rabbitmq_management].\n');
  file('advanced.config', '[].\n');
  file('rabbitmq-env.conf', '# MQ Lab sets everything through the environment.\n');
}

/**
 * The server's administrator account with the password only the server knows, and no
 * `guest`, whose password everyone knows: a script speaking AMQP itself could otherwise use
 * the default vhost `/`. Done on every start with rabbitmqctl (the Erlang cookie is its
 * credential), so a node an older MQ Lab created, or recreated secrets, are put right.
 */
async function setUpServerAccount(logFile: string): Promise<void> {
  await waitForNode();
  const ctl = (args: string[], input?: string) =>
    runLogged(ctlScript(), [args[0]!, '-n', NODE_NAME, '-q', ...args.slice(1)], {
      logFile,
      env: serverEnv(),
      input,
    });
  const user = RABBITMQ.username;
  const password = `${RABBITMQ.password}\n`;
  await ctl(['await_startup', '--timeout', String(START_TIMEOUT_MS / 1000)]);
  // The password goes through standard input, never the command line.
  await ctl(['add_user', user], password).catch(() => ctl(['change_password', user], password));
  await ctl(['set_user_tags', user, 'administrator']);
  await ctl(['set_permissions', '-p', '/', user, '.*', '.*', '.*']);
  await ctl(['delete_user', 'guest']).catch(() => {}); // already gone
}

/** Until the node listens for AMQP (its boot is nearly done), or the node died. */
async function waitForNode(): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await portAnswers(RABBITMQ.port))) {
    if (liveGroup('rabbitmq', 'rabbitmq') === undefined)
      throw new Error('rabbitmq exited during startup');
    if (Date.now() > deadline)
      throw new Error(`rabbitmq was not listening after ${START_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
}

function ctlScript(): string {
  const script = path.join(DEBIAN_SCRIPTS, 'rabbitmqctl');
  return fs.existsSync(script) ? script : 'rabbitmqctl';
}

async function managementAnswers(): Promise<boolean> {
  try {
    const res = await fetch(`${RABBITMQ.managementUrl}/api/overview`, {
      headers: { authorization: managementAuth() },
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
