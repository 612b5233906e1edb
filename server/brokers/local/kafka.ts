import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { probeBroker } from '../probe';
import { brokerSecrets } from '../secrets';
import { ensureKafkaLibs, runLogged } from './install';
import type { LocalBroker } from './localBroker';
import { paths, writePrivateFile } from './paths';
import { spawnDetached } from './processes';

/** Single-node KRaft Kafka from the jars infra/kafka/pom.xml resolves. */

const configFile = () => path.join(paths.configDir('kafka'), 'server.properties');
const authFile = () => path.join(paths.configDir('kafka'), 'auth.properties');
const logDir = () => path.join(paths.dataDir('kafka'), 'kraft-logs');
const classpath = () => path.join(paths.kafkaLibs, '*');
const log4jConfig = () => `-Dlog4j2.configurationFile=${paths.infra('kafka', 'log4j2.properties')}`;

export const localKafka: LocalBroker = {
  broker: 'kafka',
  aptPackages: [],
  install: ensureKafkaLibs,
  async start(logFile) {
    writeServerProperties();
    await formatStorageOnce(logFile);
    await spawnDetached({
      name: 'kafka',
      command: 'java',
      // Small heap and C1 only: a lab broker on a 2-core machine starts faster this way.
      args: [
        '-Xms256m',
        '-Xmx512m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        '-Djava.awt.headless=true',
        log4jConfig(),
        '-cp',
        classpath(),
        'kafka.Kafka',
        configFile(),
      ],
      logFile,
    });
  },
  ready: async () => (await probeBroker('kafka')).up,
  processes: [{ name: 'kafka', marker: 'kafka.Kafka' }],
  startTimeoutMs: 60_000,
  stopGraceMs: 15_000,
};

/**
 * server.properties holds the server's password (the broker signs in to its own controller
 * as `mqlab`) and auth.properties the key run passwords are derived with: both mode 0600
 * under .mqlab, which no sandbox sees; neither secret is on the command line.
 */
function writeServerProperties(): void {
  const { kafkaAdminPassword, kafkaAuthKey } = brokerSecrets();
  fs.mkdirSync(logDir(), { recursive: true });
  writePrivateFile(authFile(), `adminPassword=${kafkaAdminPassword}\nauthKey=${kafkaAuthKey}\n`);
  const template = fs.readFileSync(paths.infra('kafka', 'server.properties'), 'utf8');
  writePrivateFile(
    configFile(),
    template
      .replaceAll('{{LOG_DIRS}}', logDir())
      .replaceAll('{{ADMIN_PASSWORD}}', kafkaAdminPassword)
      .replaceAll('{{AUTH_FILE}}', jaasQuotable(authFile())),
  );
}

/** A JAAS option value is a quoted string; a path with quotes or backslashes cannot be one. */
function jaasQuotable(file: string): string {
  if (/["\\]/.test(file)) throw new Error(`the checkout's path cannot hold " or \\: ${file}`);
  return file;
}

/** KRaft needs its storage formatted with a cluster id before the first start, and only then. */
async function formatStorageOnce(logFile: string): Promise<void> {
  if (fs.existsSync(path.join(logDir(), 'meta.properties'))) return;
  const args = [
    'kafka.tools.StorageTool',
    'format',
    '--ignore-formatted',
    '-t',
    newClusterId(),
    '-c',
    configFile(),
  ];
  await runLogged('java', [log4jConfig(), '-cp', classpath(), ...args], { logFile });
}

/** Kafka cluster ids are 16 random bytes in URL-safe base64; Kafka avoids a leading '-'. */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
