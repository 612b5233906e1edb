/**
 * Security suite, part 3 (abuse cases 16 and 18 of docs/threat-model.md; 17 is in
 * socket.test.ts): what a hostile script can do to a broker and to other runs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { management } from '../../server/brokers/rabbitmq/managementApi';
import { startRun } from '../../server/runner/startRun';
import { ENTITY_FLOOD, KEEP_SECRET, MESSAGE_FLOOD, STEAL_SECRET, TRY } from './fixtures/abuse';
import { output, runToEnd, processesOfRuns } from './helpers';

async function vhostNames(): Promise<string[]> {
  return (await management<{ name: string }[]>('GET', '/vhosts?columns=name')).map((v) => v.name);
}

describe('security: brokers', () => {
  it('16. a message flood ends the run at the message limit; everything is deleted after', async () => {
    const { end, run } = await runToEnd(
      'rabbitmq',
      { 'main.ts': MESSAGE_FLOOD },
      { seconds: 30, limits: { traceEvents: 2000 } },
    );
    assert.equal(end.reason, 'message-limit');
    assert.ok(!(await vhostNames()).includes(`mqlab-${run.id}`));
    assert.deepEqual(processesOfRuns([run.id]), []);
  });

  it('16. queue, message-size and connection floods are refused by limits', async () => {
    const { events, run } = await runToEnd(
      'rabbitmq',
      { 'try.ts': TRY, 'main.ts': ENTITY_FLOOD },
      // Generous wall time: on a loaded 2-core machine the flood takes a while to be refused.
      { seconds: 90, limits: { entities: 20, connections: 10 } },
    );
    const text = output(events, 'main.ts');
    assert.match(text, /10k queues: DENIED/);
    // The server's own dead-letter queue is one of the vhost's 20.
    assert.match(text, /queues made 19\b/);
    assert.match(text, /100 MB message: DENIED RangeError/);
    assert.match(text, /1000 connections: DENIED/);
    const opened = Number(/connections opened (\d+)/.exec(text)![1]);
    assert.ok(opened < 10, `opened ${opened}`);
    assert.ok(!(await vhostNames()).includes(`mqlab-${run.id}`));
  });

  it("18. a run cannot reach another run's queues, not even speaking AMQP itself", async () => {
    const owner = await startRun({
      broker: 'rabbitmq',
      files: [{ name: 'main.ts', source: KEEP_SECRET }],
      seconds: 15,
    });
    for await (const e of owner.trace) if (e.type === 'log' && e.text === 'secret kept') break;
    const thief = await runToEnd('rabbitmq', { 'try.ts': TRY, 'main.ts': STEAL_SECRET(owner.id) });
    const text = output(thief.events, 'main.ts');
    assert.match(text, /wrapper, other vhost in URL: (DENIED|OK empty)/);
    assert.match(text, /raw client, guest, other vhost: DENIED/);
    assert.match(text, /raw client, guest, default vhost: DENIED/);
    assert.match(text, /raw client, run account guessed: DENIED/);
    assert.doesNotMatch(text, /classified/);
    await owner.done;
  });
});
