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

export async function ensureKafkaLibs(logFile: string): Promise<void> {
  const brokerJar = path.join(paths.kafkaLibs, `kafka_2.13-${PINNED_VERSIONS.kafka}.jar`);
  if (fs.existsSync(brokerJar)) return;
  requireTool('mvn', 'Maven (apt-get install -y maven)');
  requireTool('java', 'a JDK 17+ (apt-get install -y openjdk-17-jre-headless)');
  fs.rmSync(paths.kafkaLibs, { recursive: true, force: true });
  const pom = paths.infra('kafka', 'pom.xml');
  const goals = ['dependency:copy-dependencies', `-DoutputDirectory=${paths.kafkaLibs}`];
  await runLogged('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', pom, ...goals], { logFile });
  if (!fs.existsSync(brokerJar)) {
    throw new Error(
      `${shown(pom)} did not produce ${shown(brokerJar)}; is kafka.version ${PINNED_VERSIONS.kafka}?`,
    );
  }
}

export const NSQ_DAEMONS = ['nsqlookupd', 'nsqd', 'nsqadmin'] as const;

export async function ensureNsqBinaries(logFile: string): Promise<void> {
  const nsqd = path.join(paths.nsqBin, 'nsqd');
  const present = NSQ_DAEMONS.every((d) => fs.existsSync(path.join(paths.nsqBin, d)));
  if (
    present &&
    spawnSync(nsqd, ['--version'], { encoding: 'utf8' }).stdout?.includes(`v${PINNED_VERSIONS.nsq}`)
  ) {
    return;
  }
  requireTool('go', 'Go 1.21+ (https://go.dev/dl/)');
  const packages = NSQ_DAEMONS.map((d) => `github.com/nsqio/nsq/apps/${d}`);
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

function requireTool(command: string, hint: string): void {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(`${command} is not installed; install ${hint}`);
  }
}

/** Runs a command with output appended to `logFile`; rejects with the output's tail on failure. */
export async function runLogged(
  command: string,
  args: string[],
  options: { logFile: string; cwd?: string; env?: Record<string, string> },
): Promise<void> {
  fs.appendFileSync(options.logFile, `$ ${command} ${args.join(' ')}\n`);
  const log = fs.openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', log, log],
    });
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
