/**
 * Nothing stays behind: after 50 runs (all brokers; finished, stopped and timed out) no
 * broker entity, sandbox process, cgroup, folder or uid lock is left; and the startup sweep
 * removes what a crashed server left.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { serverKafka } from '../../server/brokers/kafka/adminClient';
import { grantRunAcls, runIdsWithAcls } from '../../server/brokers/kafka/runAcls';
import { nsqdTopics } from '../../server/brokers/nsq/nsqdHttp';
import { management } from '../../server/brokers/rabbitmq/managementApi';
import { redisAdmin, scanKeys } from '../../server/brokers/redis/adminClient';
import { BROKERS, type Broker } from '../../server/protocol/brokers';
import { runnerPaths } from '../../server/runner/paths';
import { startRun } from '../../server/runner/startRun';
import { sweepLeftovers } from '../../server/runner/sweepLeftovers';
import { HANG, SMALL } from './fixtures/small';
import { processesOfRuns } from './helpers';

/** Everything named after one of these runs on every broker. */
async function leftovers(runIds: string[]): Promise<string[]> {
  const mine = (name: string) => runIds.some((id) => name.includes(`mqlab-${id}`));
  return (await allRunNames()).filter(mine);
}

async function allRunNames(): Promise<string[]> {
  const found: string[] = [];
  const rabbit = [
    ...(await management<{ name: string }[]>('GET', '/vhosts?columns=name')),
    ...(await management<{ name: string }[]>('GET', '/users?columns=name')),
  ];
  found.push(...rabbit.map((v) => `rabbitmq ${v.name}`).filter((n) => n.includes('mqlab-')));
  const redis = redisAdmin();
  try {
    found.push(...(await scanKeys(redis, 'mqlab-*')).map((k) => `redis key ${k}`));
    found.push(
      ...((await redis.call('ACL', 'USERS')) as string[])
        .filter((u) => u.startsWith('mqlab-'))
        .map((u) => `redis user ${u}`),
    );
  } finally {
    redis.disconnect();
  }
  const admin = serverKafka('mqlab-test').admin();
  await admin.connect();
  try {
    found.push(
      ...(await admin.listTopics())
        .filter((t) => t.startsWith('mqlab-'))
        .map((t) => `kafka topic ${t}`),
    );
    found.push(
      ...(await admin.listGroups()).groups
        .filter((g) => g.groupId.startsWith('mqlab-'))
        .map((g) => `kafka group ${g.groupId}`),
    );
    found.push(
      ...(await runIdsWithAcls(admin)).map((id) => `kafka ACLs of User:run-${id} on mqlab-${id}.`),
    );
  } finally {
    await admin.disconnect();
  }
  found.push(...(await nsqdTopics('mqlab-')).map((t) => `nsq topic ${t.topic_name}`));
  return found;
}

/** Processes, cgroups and folders of these runs, and uid locks this process still holds. */
function hostLeftovers(runIds: string[]): string[] {
  const folders = fs.readdirSync(runnerPaths.runs).filter((n) => runIds.includes(n));
  const lockDir = path.join(runnerPaths.runs, '.uids');
  const locks = (fs.existsSync(lockDir) ? fs.readdirSync(lockDir) : []).filter(
    (uid) => fs.readFileSync(path.join(lockDir, uid), 'utf8').trim() === String(process.pid),
  );
  return [
    ...processesOfRuns(runIds),
    ...folders.map((f) => `folder ${f}`),
    ...locks.map((u) => `uid ${u}`),
  ];
}

async function eventually(check: () => Promise<string[]>, ms: number): Promise<string[]> {
  let left = await check();
  for (const deadline = Date.now() + ms; left.length && Date.now() < deadline; left = await check())
    await new Promise((r) => setTimeout(r, 500));
  return left;
}

describe('cleanup', () => {
  it('leaves nothing on any broker or host after 50 runs', async () => {
    const plan: { broker: Broker; source: string; stopAfterMs?: number; seconds: number }[] = [];
    for (let i = 0; i < 50; i++) {
      const broker = BROKERS[i % BROKERS.length]!;
      if (i % 10 === 8)
        plan.push({ broker, source: HANG[broker], stopAfterMs: 1500, seconds: 30 }); // stopped (browser gone)
      else if (i % 10 === 9)
        plan.push({ broker, source: HANG[broker], seconds: 3 }); // time limit
      else plan.push({ broker, source: SMALL[broker], seconds: 30 });
    }
    const reasons: string[] = [];
    const runIds: string[] = [];
    for (let i = 0; i < plan.length; i += 4) {
      await Promise.all(
        plan.slice(i, i + 4).map(async ({ broker, source, stopAfterMs, seconds }) => {
          const run = await startRun({ broker, files: [{ name: 'main.ts', source }], seconds });
          runIds.push(run.id);
          if (stopAfterMs)
            setTimeout(
              () => void run.stop('disconnected', 'the browser disconnected'),
              stopAfterMs,
            );
          const end = await run.done;
          reasons.push(`${broker}:${end.reason}`);
        }),
      );
    }
    assert.equal(reasons.length, 50);
    assert.ok(reasons.filter((r) => r.endsWith(':completed')).length >= 38, reasons.join(' '));
    // Kafka keeps a killed consumer's group until its session times out (6 s here); the run retries the delete.
    assert.deepEqual(await eventually(() => leftovers(runIds), 20_000), []);
    assert.deepEqual(hostLeftovers(runIds), []);
  });

  it('the startup sweep removes what a crashed server left behind', async () => {
    const runId = 'deadbeef';
    const aclsOnly = 'deadc0de';
    const prefix = `mqlab-${runId}.`;
    await management('PUT', `/vhosts/mqlab-${runId}`, {});
    await management('PUT', `/users/mqlab-${runId}`, { password: 'x', tags: '' });
    const redis = redisAdmin();
    await redis.set(`${prefix}orphan`, '1');
    await redis.call('ACL', 'SETUSER', `mqlab-${runId}`, 'on', '>x');
    redis.disconnect();
    const admin = serverKafka('mqlab-test').admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: `${prefix}orphan` }] });
    await grantRunAcls(admin, runId, prefix);
    // A server that died between granting a run's ACLs and its first topic leaves only those.
    await grantRunAcls(admin, aclsOnly, `mqlab-${aclsOnly}.`);
    await admin.disconnect();
    await fetch(`http://127.0.0.1:4151/topic/create?topic=${prefix}orphan`, { method: 'POST' });
    fs.mkdirSync(path.join(runnerPaths.runs, runId), { recursive: true });
    fs.writeFileSync(path.join(runnerPaths.runs, runId, 'owner.pid'), '999999');

    const report = await sweepLeftovers();
    for (const broker of BROKERS)
      assert.ok(Number(report.brokers[broker]) >= 1, JSON.stringify(report));
    assert.deepEqual(await leftovers([runId, aclsOnly]), []);
    assert.ok(!fs.existsSync(path.join(runnerPaths.runs, runId)));
  });
});
