/**
 * Security suite, part 1 (abuse cases 1–8 of docs/threat-model.md): what a hostile script
 * may touch. Each script tries and prints; the assertions demand DENIED for every attempt.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../../server/runner/paths';
import { SANDBOX_UID_LAST } from '../../server/runner/sandboxUids';
import {
  EGRESS,
  ENV,
  ESCALATE,
  NATIVE,
  NET,
  READ,
  SIGNAL,
  SPAWN,
  TRY,
  WRITE,
} from './fixtures/abuse';
import { output, processesOfRuns, runToEnd } from './helpers';

async function attempts(source: string) {
  const { events, end, run } = await runToEnd(
    'rabbitmq',
    { 'try.ts': TRY, 'main.ts': source },
    { seconds: 15 },
  );
  const lines = output(events, 'main.ts')
    .split('\n')
    .filter((l) => /: (OK|DENIED) /.test(l));
  return { lines, end, events, run };
}

function assertAllDenied(lines: string[], expected: number) {
  assert.equal(lines.length, expected, lines.join('\n'));
  for (const line of lines) assert.match(line, /: DENIED /, line);
}

describe('security: what a script can reach', () => {
  let app: http.Server;
  let appPort = 0;
  before(async () => {
    // Stands for the MQ Lab web server itself.
    app = http.createServer((_, res) => res.end('app'));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appPort = (app.address() as AddressInfo).port;
  });
  after(() => app.close());

  it('1. cannot start processes; no child exists', async () => {
    const { lines, run } = await attempts(SPAWN);
    assertAllDenied(lines, 4);
    // Asking a worker for more permissions than the script has ends the script.
    const escalation = await runToEnd('rabbitmq', { 'main.ts': ESCALATE });
    assert.doesNotMatch(output(escalation.events, 'main.ts'), /escalated: OK/);
    assert.notEqual(escalation.end.scripts[0]!.code, 0);
    assert.deepEqual(processesOfRuns([run.id, escalation.run.id]), []);
  });

  it('2. cannot read /etc/passwd, its environment or the server source', async () => {
    const { lines } = await attempts(READ(path.join(REPO_ROOT, 'server', 'index.ts')));
    assertAllDenied(lines, 6);
  });

  it('3. cannot write any file', async () => {
    assertAllDenied((await attempts(WRITE)).lines, 4);
  });

  it('4. sees only harmless environment variables', async () => {
    process.env.MQLAB_TEST_SECRET = 'do-not-leak';
    const { events } = await runToEnd('rabbitmq', { 'main.ts': ENV });
    const env = JSON.parse(/ENV (.*)/.exec(output(events, 'main.ts'))![1]!) as Record<
      string,
      string
    >;
    const harmless = [
      'HOME',
      'NO_COLOR',
      'NODE_ENV',
      'DENO_DIR',
      'DENO_NO_UPDATE_CHECK',
      'DENO_NODE_SHIM_ACTIVE',
      'PATH',
      'PWD',
    ];
    for (const key of Object.keys(env))
      assert.ok(harmless.includes(key), `unexpected variable ${key}`);
    assert.ok(!JSON.stringify(env).includes('do-not-leak'));
    assert.ok(!('MQLAB_RUN' in env), 'the run config is removed before learner code runs');
  });

  it('5. cannot connect to non-broker ports on loopback (management API, the app, Erlang dist)', async () => {
    const { lines } = await attempts(NET([15672, appPort, 25672, 4369]));
    assertAllDenied(lines, 4 * 3 + 2);
    // The kernel layer under Deno's: a sandbox uid's packets to anything but broker ports are rejected.
    const tryPort = (port: number) =>
      execFileSync(
        'setpriv',
        [
          '--reuid',
          String(SANDBOX_UID_LAST),
          '--regid',
          String(SANDBOX_UID_LAST),
          '--clear-groups',
          'bash',
          '-c',
          `exec 3<>/dev/tcp/127.0.0.1/${port} && echo open || echo closed`,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      ).trim();
    assert.equal(tryPort(appPort), 'closed');
    assert.equal(tryPort(15672), 'closed');
    assert.equal(tryPort(5672), 'open');
  });

  it('6. cannot reach the metadata address, the internet, DNS or remote code', async () => {
    assertAllDenied((await attempts(EGRESS)).lines, 6);
  });

  it('7. cannot signal other processes; the server survives', async () => {
    assertAllDenied((await attempts(SIGNAL(process.pid))).lines, 4);
    assert.ok(process.pid > 0);
  });

  it('8. cannot load native code', async () => {
    assertAllDenied((await attempts(NATIVE)).lines, 3);
  });
});
