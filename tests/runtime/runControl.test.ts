/** The Run API that fault injection builds on: pause, resume, restart and kill one script. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceEvent } from '../../server/protocol/trace';
import { startRun } from '../../server/runner/startRun';
import { ofType, processesOfRuns, runToEnd } from './helpers';

const TICKER = `let n = 0; setInterval(() => console.log('tick ' + ++n), 50);`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('run control', () => {
  it('pauses, resumes, restarts and kills one script while the others go on', async () => {
    const run = await startRun({
      broker: 'redis',
      files: [
        { name: 'ticker.ts', source: TICKER },
        { name: 'other.ts', source: TICKER },
      ],
      seconds: 20,
    });
    const events: TraceEvent[] = [];
    run.trace.subscribe((e) => events.push(e));
    const ticks = (script: string) =>
      ofType(events, 'log').filter((e) => e.script === script).length;
    while (ticks('ticker.ts') < 2) await sleep(20);

    assert.ok(run.pauseScript('ticker.ts', true));
    await sleep(100);
    const paused = ticks('ticker.ts');
    await sleep(400);
    assert.equal(ticks('ticker.ts'), paused, 'no output while frozen');
    assert.ok(ticks('other.ts') > 5, 'the other script goes on');
    run.pauseScript('ticker.ts', false);
    await sleep(300);
    assert.ok(ticks('ticker.ts') > paused, 'output again after resume');

    await run.restartScript('ticker.ts');
    await sleep(500);
    assert.ok(
      ofType(events, 'log').some(
        (e) =>
          e.script === 'ticker.ts' &&
          e.text === 'tick 1' &&
          e.n > events.find((x) => x.type === 'exit')!.n,
      ),
    );
    assert.deepEqual(
      ofType(events, 'exit').map((e) => [e.script, e.reason]),
      [['ticker.ts', 'restarted']],
    );

    await run.killScript('ticker.ts');
    await run.killScript('other.ts');
    const end = await run.done;
    assert.equal(end.reason, 'completed');
    assert.deepEqual(
      end.scripts.map((s) => [s.script, s.reason]),
      [
        ['ticker.ts', 'killed'],
        ['other.ts', 'killed'],
      ],
    );
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('reports a file that cannot even load with its line', async () => {
    const { events } = await runToEnd('redis', { 'main.ts': 'const ok = 1;\nconst broken = ;\n' });
    const error = ofType(events, 'error')[0]!;
    assert.equal(error.fatal, true);
    assert.equal(error.line, 2);
    assert.match(error.message, /parse|Expression expected|Unexpected/i);
  });
});
