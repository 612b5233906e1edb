import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PINNED_VERSIONS } from '../endpoints';
import { paths, REPO_ROOT, shown } from './paths';

/**
 * Installs what a local broker needs, only when it is missing: Debian packages with apt,
 * the Kafka jars from Maven Central, the NSQ daemons built from the Go module proxy.
 */

export function missingAptPackages(packages: string[]): string[] {
  return packages.filter((pkg) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg], {
      encoding: 'utf8',
    });
    return query.stdout?.trim() !== 'installed';
  });
}

/** Bookworm's own versions (RabbitMQ 3.10.8, Redis 7.0.15); apt stays unpinned so security updates apply. */
export async function installAptPackages(packages: string[], logFile: string): Promise<void> {
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing ${packages.join(', ')}: run  sudo apt-get install -y ${packages.join(' ')}`,
    );
  }
  const install = ['install', '-y', '--no-install-recommends', ...packages];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await runLogged('apt-get', install, { logFile, env });
  } catch {
    // Usually stale or empty package lists; refresh once and retry.
    await runLogged('apt-get', ['update'], { logFile, env });
    await runLogged('apt-get', install, { logFile, env });
  }
}

/** MQ Lab's SASL/PLAIN check for Kafka, built from infra/kafka/src into the broker's classpath. */
export const KAFKA_AUTH_JAR = 'mqlab-kafka-auth.jar';

/**
 * The broker jars (fetched once) and the auth jar (rebuilt when infra/kafka/src or the pom
 * is newer), both by infra/kafka/pom.xml, into .mqlab/kafka/libs.
 */
export async function ensureKafkaLibs(logFile: string): Promise<void> {
  const brokerJar = path.join(paths.kafkaLibs, `kafka_2.13-${PINNED_VERSIONS.kafka}.jar`);
  const authJar = path.join(paths.kafkaLibs, KAFKA_AUTH_JAR);
  const haveBroker = fs.existsSync(brokerJar);
  if (haveBroker && kafkaAuthJarCurrent(authJar)) return;
  requireTool('mvn', 'Maven (apt-get install -y maven)');
  requireTool('javac', 'a JDK 17+ (apt-get install -y openjdk-17-jdk-headless)');
  if (!haveBroker) fs.rmSync(paths.kafkaLibs, { recursive: true, force: true });
  const pom = paths.infra('kafka', 'pom.xml');
  const goals = haveBroker
    ? ['package']
    : ['package', 'dependency:copy-dependencies', `-DoutputDirectory=${paths.kafkaLibs}`];
  const args = ['-q', '-B', '-Dstyle.color=never', '-f', pom, `-Dmqlab.libs=${paths.kafkaLibs}`];
  await runLogged('mvn', [...args, ...goals], { logFile });
  if (!fs.existsSync(brokerJar)) {
    throw new Error(
      `${shown(pom)} did not produce ${shown(brokerJar)}; is kafka.version ${PINNED_VERSIONS.kafka}?`,
    );
  }
  if (!kafkaAuthJarCurrent(authJar))
    throw new Error(`${shown(pom)} did not build ${shown(authJar)}`);
}

function kafkaAuthJarCurrent(jar: string): boolean {
  if (!fs.existsSync(jar)) return false;
  const sources = [paths.infra('kafka', 'pom.xml'), ...filesUnder(paths.infra('kafka', 'src'))];
  const built = fs.statSync(jar).mtimeMs;
  return sources.every((file) => fs.statSync(file).mtimeMs <= built);
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

export const NSQ_DAEMONS = ['nsqlookupd', 'nsqd', 'nsqadmin'] as const;
/** MQ Lab's own auth service for nsqd, a package of the infra/nsq module. */
export const NSQ_AUTH = 'nsqauth';

export async function ensureNsqBinaries(logFile: string): Promise<void> {
  if (nsqBinariesCurrent()) return;
  requireTool('go', 'Go 1.21+ (https://go.dev/dl/)');
  const packages = [...NSQ_DAEMONS.map((d) => `github.com/nsqio/nsq/apps/${d}`), `./${NSQ_AUTH}`];
  await runLogged(
    'go',
    ['build', '-trimpath', '-ldflags=-s -w', '-o', paths.nsqBin + path.sep, ...packages],
    {
      logFile,
      cwd: paths.infra('nsq'),
      // Only the module proxy is reachable on some machines; go.sum already pins every hash.
      env: { GOFLAGS: '-mod=mod', GOSUMDB: 'off', GOTOOLCHAIN: 'local' },
    },
  );
}

/** The pinned daemons, and an auth service built from the current infra/nsq/nsqauth source. */
function nsqBinariesCurrent(): boolean {
  const binary = (name: string) => path.join(paths.nsqBin, name);
  if (![...NSQ_DAEMONS, NSQ_AUTH].every((name) => fs.existsSync(binary(name)))) return false;
  const source = paths.infra('nsq', NSQ_AUTH, 'main.go');
  if (fs.statSync(binary(NSQ_AUTH)).mtimeMs < fs.statSync(source).mtimeMs) return false;
  const version = spawnSync(binary('nsqd'), ['--version'], { encoding: 'utf8' }).stdout;
  return version?.includes(`v${PINNED_VERSIONS.nsq}`) ?? false;
}

function requireTool(command: string, hint: string): void {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(`${command} is not installed; install ${hint}`);
  }
}

/**
 * Runs a command with output appended to `logFile`; rejects with the output's tail on failure.
 * `input` goes to its standard input (secrets: never on a command line, where `ps` shows them).
 */
export async function runLogged(
  command: string,
  args: string[],
  options: { logFile: string; cwd?: string; env?: Record<string, string>; input?: string },
): Promise<void> {
  fs.appendFileSync(options.logFile, `$ ${command} ${args.join(' ')}\n`);
  const log = fs.openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', log, log],
    });
    child.stdin?.end(options.input);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) {
      throw new Error(
        `${command} ${args[0]} failed (exit ${code}):\n${tailOfFile(options.logFile, 15)}`,
      );
    }
  } finally {
    fs.closeSync(log);
  }
}

export function tailOfFile(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${shown(file)})`;
  }
}
