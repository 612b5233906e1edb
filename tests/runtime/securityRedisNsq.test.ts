/**
 * Security suite, broker authentication (abuse case 18 for Redis and NSQ): a script that
 * skips the wrapper and speaks the broker's protocol itself meets the broker's own checks —
 * Redis's `default` user has a password only the server knows, nsqd asks MQ Lab's auth
 * service, which grants a run its own prefix only.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { nsqdTopics } from '../../server/brokers/nsq/nsqdHttp';
import { redisAdmin } from '../../server/brokers/redis/adminClient';
import { provisionRedisRun } from '../../server/brokers/redis/provision';
import { DEFAULT_LIMITS } from '../../server/runner/limits';
import { startRun } from '../../server/runner/startRun';
import type { Broker } from '../../server/protocol/brokers';
import { KEEP_SECRET_NSQ, KEEP_SECRET_REDIS, RAW_NSQ, RAW_REDIS } from './fixtures/rawProtocol';
import { output, runToEnd } from './helpers';

/** Starts the owner run and waits until it has stored its secret. */
async function ownerRun(broker: Broker, source: string) {
  const owner = await startRun({ broker, files: [{ name: 'main.ts', source }], seconds: 20 });
  for await (const e of owner.trace) if (e.type === 'log' && e.text === 'secret kept') break;
  return owner;
}

/** `<attempt> <command>: <answer>` lines of the thief's output. */
function answers(text: string): { what: string; answer: string }[] {
  assert.match(text, /^done$/m, text);
  return text
    .split('\n')
    .filter((line) => line !== 'done')
    .map((line) => {
      const cut = line.indexOf(': ');
      return { what: line.slice(0, cut), answer: line.slice(cut + 2) };
    });
}

describe('security: broker authentication', () => {
  it("18. a script speaking RESP itself cannot use Redis's default user or another run's keys", async () => {
    const owner = await ownerRun('redis', KEEP_SECRET_REDIS);
    const thief = await runToEnd('redis', { 'main.ts': RAW_REDIS(owner.id) });
    const text = output(thief.events, 'main.ts');
    const replies = answers(text);
    assert.equal(replies.length, 16, text);
    for (const { what, answer } of replies)
      assert.match(answer, /^-(NOAUTH|WRONGPASS|NOPERM)\b/, `${what}: ${answer}`);
    assert.doesNotMatch(text, /classified/);
    await owner.done;
  });

  it("18. a run's own Redis user cannot list the keyspace, administer Redis or read another run's keys", async () => {
    const admin = redisAdmin();
    const runId = randomBytes(4).toString('hex');
    const other = `mqlab-${randomBytes(4).toString('hex')}.`;
    await admin.set(`${other}plain`, 'classified');
    const session = await provisionRedisRun({
      runId,
      prefix: `mqlab-${runId}.`,
      limits: DEFAULT_LIMITS,
    });
    const { host, port, username, password } = session.connection as {
      host: string;
      port: number;
      username: string;
      password: string;
    };
    const own = new Redis({ host, port, username, password, maxRetriesPerRequest: 0 });
    const refusal = (command: string, ...args: string[]) =>
      own.call(command, ...args).then(
        (reply) => `answered ${JSON.stringify(reply)}`,
        (err: Error) => err.message,
      );
    try {
      assert.equal(await own.set(`mqlab-${runId}.mine`, 'ok'), 'OK');
      assert.match(await refusal('KEYS', '*'), /^NOPERM/);
      assert.match(await refusal('SCAN', '0'), /^NOPERM/);
      assert.match(await refusal('GET', `${other}plain`), /^NOPERM/);
      assert.match(await refusal('XRANGE', `${other}plain`, '-', '+'), /^NOPERM/);
      assert.match(await refusal('ACL', 'LIST'), /^NOPERM/);
      assert.match(await refusal('CONFIG', 'GET', 'requirepass'), /^NOPERM/);
      assert.match(await refusal('AUTH', 'default', 'guess'), /^WRONGPASS/);
    } finally {
      own.disconnect();
      await session.cleanup();
      await admin.del(`${other}plain`);
      admin.disconnect();
    }
  });

  it("18. a script speaking NSQ itself cannot publish or subscribe without the run's secret", async () => {
    const owner = await ownerRun('nsq', KEEP_SECRET_NSQ);
    const thief = await runToEnd('nsq', { 'main.ts': RAW_NSQ(owner.id) });
    const text = output(thief.events, 'main.ts');
    const replies = answers(text);
    for (const { what, answer } of replies) {
      if (what.endsWith('IDENTIFY')) assert.match(answer, /^response .*"auth_required":true/, what);
      else
        assert.match(answer, /^error E_(AUTH_FIRST|UNAUTHORIZED|BAD_BODY)\b/, `${what}: ${answer}`);
    }
    // Every attempt ended in a refusal of its SUB, PUB or AUTH, and none got through.
    assert.equal(replies.filter((r) => r.answer.startsWith('error')).length, 7, text);
    assert.doesNotMatch(text, /classified/);
    const [topic] = await nsqdTopics(`mqlab-${owner.id}.secret`);
    if (topic) {
      assert.deepEqual(
        topic.channels.map((c) => c.channel_name),
        [],
        'no channel was created',
      );
      assert.equal(topic.message_count, 1, 'nothing was published but the secret');
    }
    await owner.done;
  });
});
