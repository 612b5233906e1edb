/**
 * Security suite, part 2 (abuse cases 9–15 of docs/threat-model.md): resource bounds.
 * Limits are lowered so each case ends in seconds; the mechanism is the same as in production.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_LOG_LINE } from '../../server/protocol/trace';
import {
  BUFFER_BOMB,
  BUSY_HANDLER,
  BUSY_MAIN,
  BUSY_MICROTASK,
  EXIT_3,
  EXIT_4,
  FLOOD,
  HEAP_BOMB,
  LINGER,
  SURVIVOR,
  UGLY_OUTPUT,
  WORKER_BOMB,
} from './fixtures/abuse';
import { ofType, output, runToEnd, processesOfRuns } from './helpers';

const tight = { cpuSeconds: 2, memoryBytes: 256 * 1024 * 1024 };

function exitOf(end: Awaited<ReturnType<typeof runToEnd>>['end'], script = 'main.ts') {
  return end.scripts.find((s) => s.script === script)!;
}

describe('security: resource limits', () => {
  for (const [name, source] of [
    ['main code', BUSY_MAIN],
    ['a message handler', BUSY_HANDLER],
    ['a microtask loop', BUSY_MICROTASK],
  ] as const) {
    it(`9. an endless loop in ${name} is killed at the CPU limit, nothing left running`, async () => {
      const started = Date.now();
      const { end, events, run } = await runToEnd(
        'rabbitmq',
        { 'main.ts': source },
        { seconds: 8, limits: tight },
      );
      const exit = exitOf(end);
      assert.ok(['cpu-limit', 'memory-limit'].includes(exit.reason), JSON.stringify(exit));
      assert.ok(Date.now() - started < 7000, 'ended by the CPU limit, before the wall limit');
      assert.match(ofType(events, 'exit')[0]!.message, /CPU|memory/);
      assert.deepEqual(processesOfRuns([run.id]), []);
    });
  }

  it('10. a heap bomb is killed with a clear message', async () => {
    const { end, events } = await runToEnd(
      'rabbitmq',
      { 'main.ts': HEAP_BOMB },
      { seconds: 30, limits: { ...tight, cpuSeconds: 20 } },
    );
    assert.equal(exitOf(end).reason, 'memory-limit');
    assert.match(ofType(events, 'exit')[0]!.message, /used more than 256 MB of memory/);
  });

  it('11. a Buffer / typed-array bomb is killed by the memory limit', async () => {
    const started = Date.now();
    const { end } = await runToEnd(
      'rabbitmq',
      { 'main.ts': BUFFER_BOMB },
      { seconds: 20, limits: tight },
    );
    assert.equal(exitOf(end).reason, 'memory-limit');
    assert.ok(Date.now() - started < 5000);
  });

  it('12. a worker bomb is stopped by the task and file limits', async () => {
    const { end, events, run } = await runToEnd(
      'rabbitmq',
      { 'main.ts': WORKER_BOMB },
      { seconds: 20, limits: tight },
    );
    assert.doesNotMatch(output(events, 'main.ts'), /workers: OK 2000/);
    assert.ok(
      ['task-limit', 'memory-limit'].includes(exitOf(end).reason),
      JSON.stringify(exitOf(end)),
    );
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('13. output is cleaned and cut; a flood ends the run at the output cap', async () => {
    const ugly = await runToEnd('rabbitmq', { 'main.ts': UGLY_OUTPUT });
    const logs = ofType(ugly.events, 'log');
    assert.equal(logs[0]!.text, '<script>alert(1)</script> <b>bold</b>'); // text, never HTML: the UI renders it as text
    assert.equal(logs[1]!.text.length, MAX_LOG_LINE);
    assert.equal(logs[1]!.truncated, true);

    const flood = await runToEnd(
      'rabbitmq',
      { 'main.ts': FLOOD },
      { seconds: 20, limits: { outputBytes: 256 * 1024 } },
    );
    assert.equal(flood.end.reason, 'output-limit');
    assert.equal(exitOf(flood.end).reason, 'output-limit');
    const printed = ofType(flood.events, 'log').reduce((n, e) => n + e.text.length + 1, 0);
    assert.ok(printed <= 256 * 1024 + 64 * 1024, `printed ${printed}`);
  });

  it('14. process.exit / Deno.exit end only that script, with its exit code', async () => {
    const { end, events } = await runToEnd('rabbitmq', {
      'a.ts': EXIT_3,
      'b.ts': EXIT_4,
      'c.ts': SURVIVOR,
    });
    assert.equal(end.reason, 'completed');
    assert.deepEqual(
      end.scripts.map((s) => [s.script, s.code, s.reason]),
      [
        ['a.ts', 3, 'exited'],
        ['b.ts', 4, 'exited'],
        ['c.ts', 0, 'exited'],
      ],
    );
    assert.match(output(events, 'c.ts'), /still here/);
  });

  it('15. timers left running after main are killed at the time limit', async () => {
    const started = Date.now();
    const { end, run } = await runToEnd('rabbitmq', { 'main.ts': LINGER }, { seconds: 2 });
    assert.equal(end.reason, 'time-limit');
    assert.equal(exitOf(end).reason, 'time-limit');
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(processesOfRuns([run.id]), []);
  });
});
