import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { BROKERS } from '../../server/protocol/brokers';
import type { BrokerStatus } from '../../server/brokers/probe';
import { REPO_ROOT } from '../../server/brokers/local/paths';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'bin', 'mqlab.js');

/** Runs the real CLI as a learner would. */
async function mqlab(...args: string[]) {
  return run(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, timeout: 120_000 });
}

async function status(): Promise<Map<string, BrokerStatus>> {
  const { stdout } = await mqlab('brokers', 'status', '--json');
  const statuses = JSON.parse(stdout) as BrokerStatus[];
  assert.deepEqual(
    statuses.map((s) => s.broker),
    [...BROKERS],
  );
  return new Map(statuses.map((s) => [s.broker, s]));
}

describe('mqlab brokers status / down / up (real CLI)', { timeout: 180_000 }, () => {
  // Whatever happens below, leave Redis running for the suites that follow.
  after(async () => {
    await mqlab('brokers', 'up', 'redis');
  });

  it('reports all four brokers up with versions', async () => {
    for (const s of (await status()).values()) {
      assert.equal(s.up, true, `${s.broker}: ${s.detail}`);
      assert.match(s.version, /^\d+\.\d+/, `${s.broker} version`);
      assert.match(s.endpoint, /^127\.0\.0\.1:\d+$/);
    }
  });

  it('shows Redis down with a clear detail after `brokers down redis`, the rest still up', async () => {
    await mqlab('brokers', 'down', 'redis');
    const statuses = await status();
    const redis = statuses.get('redis')!;
    assert.equal(redis.up, false);
    assert.equal(
      redis.detail,
      'connection refused on 127.0.0.1:6379 — start it with: npx mqlab brokers up redis',
    );
    for (const broker of ['rabbitmq', 'kafka', 'nsq']) {
      assert.equal(statuses.get(broker)?.up, true, `${broker} should be untouched`);
    }
  });

  it('brings Redis back with `brokers up redis`', async () => {
    const { stdout } = await mqlab('brokers', 'up', 'redis');
    assert.match(stdout, /Redis Streams\s+started/);
    assert.equal((await status()).get('redis')?.up, true);
  });
});
