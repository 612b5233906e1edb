import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Broker } from '../protocol/brokers';
import { downLocal, upLocal } from './local/lifecycle';
import { REPO_ROOT } from './local/paths';
import type { DownOutcome, UpOutcome } from './outcomes';
import { probeBroker } from './probe';
import { brokerSecrets } from './secrets';

/**
 * Picks how brokers run: docker-compose.yml when a Docker engine answers, local processes
 * otherwise. MQLAB_BROKERS=local|compose forces one.
 */

export type BrokersMode = 'local' | 'compose';

const COMPOSE_SERVICES: Record<Broker, string[]> = {
  rabbitmq: ['rabbitmq'],
  kafka: ['kafka'],
  nsq: ['nsqlookupd', 'nsqauth', 'nsqd', 'nsqadmin'],
  redis: ['redis'],
};

const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

export function brokersMode(): BrokersMode {
  const forced = process.env.MQLAB_BROKERS;
  if (forced === 'local' || forced === 'compose') return forced;
  if (forced) throw new Error(`MQLAB_BROKERS must be "local" or "compose", not "${forced}"`);
  const info = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 3000 });
  return info.status === 0 ? 'compose' : 'local';
}

export function brokersUp(brokers: Broker[], mode = brokersMode()): Promise<UpOutcome[]> {
  return mode === 'compose' ? upCompose(brokers) : upLocal(brokers);
}

export function brokersDown(brokers: Broker[], mode = brokersMode()): Promise<DownOutcome[]> {
  return mode === 'compose' ? downCompose(brokers) : downLocal(brokers);
}

async function upCompose(brokers: Broker[]): Promise<UpOutcome[]> {
  const started = performance.now();
  const before = await Promise.all(brokers.map((b) => probeBroker(b)));
  const toStart = brokers.filter((_, i) => !before[i]!.up);
  const services = toStart.flatMap((b) => COMPOSE_SERVICES[b]);
  const run = services.length
    ? await compose(['up', '-d', '--wait', '--wait-timeout', '180', ...services])
    : { ok: true, output: '' };
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return Promise.all(
    brokers.map(async (broker, i): Promise<UpOutcome> => {
      if (before[i]!.up)
        return { broker, result: 'already up', seconds: 0, detail: before[i]!.detail };
      const status = await probeBroker(broker);
      if (run.ok && status.up) return { broker, result: 'started', seconds, detail: status.detail };
      const detail = `${status.detail}\n--- docker compose output ---\n${tail(run.output)}`;
      return { broker, result: 'failed', seconds, detail };
    }),
  );
}

async function downCompose(brokers: Broker[]): Promise<DownOutcome[]> {
  const all = brokers.length === Object.keys(COMPOSE_SERVICES).length;
  const services = brokers.flatMap((b) => COMPOSE_SERVICES[b]);
  const run = all
    ? await compose(['down'])
    : await compose(['rm', '--stop', '--force', ...services]);
  if (!run.ok) throw new Error(`docker compose failed:\n${tail(run.output)}`);
  return brokers.map((broker) => ({
    broker,
    result: 'stopped',
    detail: `docker compose stopped ${COMPOSE_SERVICES[broker].join(', ')}`,
  }));
}

async function compose(args: string[]): Promise<{ ok: boolean; output: string }> {
  const child = spawn('docker', ['compose', '-f', COMPOSE_FILE, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...composeSecrets() },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', (err) => {
      output += String(err);
      resolve(null);
    });
    child.on('close', resolve);
  });
  if (code !== 0 && /unknown (shorthand flag|command)|ENOENT/.test(output)) {
    output +=
      '\n(mqlab needs Docker Compose v2: check `docker compose version`, or set MQLAB_BROKERS=local)';
  }
  return { ok: code === 0, output };
}

/**
 * The broker secrets as the environment docker-compose.yml reads them (`redisPassword` →
 * MQLAB_REDIS_PASSWORD…): the file holds no secret, and refuses to start without them.
 */
function composeSecrets(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(brokerSecrets()).map(([field, value]) => [
      `MQLAB_${field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
      value,
    ]),
  );
}

function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
