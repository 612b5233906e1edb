import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../server/brokers/local/paths';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'bin', 'mqlab.js');
const EXERCISE = path.join(REPO_ROOT, 'exercises', '03-rabbitmq-retry-dlq');

/** The real CLI; resolves with the exit code instead of throwing on a non-zero one. */
async function mqlab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

interface JsonReport {
  exercise: string;
  passed: boolean;
  durationMs: number;
  checks: {
    id: string;
    title: { zh: string; en: string };
    passed: boolean;
    message: { zh: string; en: string };
  }[];
}

describe('mqlab exercises / grade (real CLI, real broker)', { timeout: 120_000 }, () => {
  it('lists every exercise with id, broker, title per locale and lesson', async () => {
    const { code, stdout } = await mqlab('exercises', '--json');
    assert.equal(code, 0);
    const list = JSON.parse(stdout) as {
      id: string;
      broker: string;
      lesson: string;
      title: { zh: string; en: string };
    }[];
    assert.ok(list.length >= 12);
    for (const e of list)
      assert.ok(e.id && e.broker && e.lesson && e.title.zh && e.title.en, JSON.stringify(e));
  });

  it('grades the reference solution as passed and the starter as failed, exit 0 both times', async () => {
    const passed = await mqlab(
      'grade',
      'rabbitmq-retry-dlq',
      path.join(EXERCISE, 'solution'),
      '--json',
    );
    assert.equal(passed.code, 0, passed.stderr);
    const good = JSON.parse(passed.stdout) as JsonReport;
    assert.equal(good.exercise, 'rabbitmq-retry-dlq');
    assert.equal(good.passed, true, JSON.stringify(good.checks.filter((c) => !c.passed)));
    assert.deepEqual(Object.keys(good).sort(), ['checks', 'durationMs', 'exercise', 'passed']);
    assert.ok(good.durationMs > 0 && good.durationMs <= 20_000);

    const failed = await mqlab(
      'grade',
      'rabbitmq-retry-dlq',
      path.join(EXERCISE, 'start'),
      '--json',
    );
    assert.equal(failed.code, 0, failed.stderr);
    const bad = JSON.parse(failed.stdout) as JsonReport;
    assert.equal(bad.passed, false);
    const transient = bad.checks.find((c) => c.id === 'transient-recovered')!;
    assert.equal(transient.passed, false);
    assert.match(transient.message.en, /pay-2 was dead-lettered/);
    assert.match(transient.message.zh, /pay-2 被送进了死信队列/);
  });

  it('refuses an unknown exercise or a file that is not one of its own, with a usage error', async () => {
    assert.equal((await mqlab('grade', 'no-such-exercise', EXERCISE)).code, 2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlab-grade-'));
    fs.writeFileSync(path.join(dir, 'hacker.ts'), 'console.log(1);\n');
    const wrongName = await mqlab('grade', 'rabbitmq-retry-dlq', dir);
    assert.equal(wrongName.code, 2);
    assert.match(
      wrongName.stderr,
      /hacker\.ts is not one of this exercise's files \(payments\.ts\)/,
    );
  });
});
