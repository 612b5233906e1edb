/**
 * The exercise pages' pure logic: progress (status, hints, solution viewed), drafts, the
 * check request's validation, and the check session's states driven by a scripted socket.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckSession, type CheckSnapshot } from '../../components/exercises/checkSession';
import {
  exerciseDraftKey,
  loadExerciseDraft,
  saveExerciseDraft,
} from '../../components/exercises/exerciseDrafts';
import {
  parseProgress,
  recordReport,
  revealHint,
  statusOf,
  viewSolution,
} from '../../components/exercises/progress';
import type { AppSocket } from '../../components/realtime/socket';
import {
  exerciseCheckRequestSchema,
  type ExerciseCheckAck,
  type ExerciseReport,
} from '../../server/protocol/exercise';
import type { RunEndEvent } from '../../server/protocol/trace';

const report = (passed: boolean): ExerciseReport => ({
  exercise: 'redis-idempotent-consumer',
  passed,
  checks: [
    {
      id: 'no-double-charge',
      title: { zh: '不重复扣款', en: 'No payment is charged twice' },
      passed,
      message: { zh: 'pay-102 被扣了 2 次', en: 'pay-102 was charged 2 times' },
    },
  ],
  durationMs: 6000,
  runEnd: 'completed',
});

/** localStorage's shape, in memory. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('exercise progress', () => {
  it('goes from not started to attempted to passed, and a later failure keeps the pass', () => {
    assert.equal(statusOf(undefined), 'new');
    const revealed = revealHint(undefined, 3);
    assert.equal(statusOf(revealed), 'new', 'reading a hint is not an attempt');
    const failed = recordReport(revealed, report(false), 10);
    assert.equal(statusOf(failed), 'attempted');
    const passed = recordReport(failed, report(true), 20);
    assert.equal(statusOf(passed), 'passed');
    assert.equal(passed.passedAt, 20);
    const again = recordReport(passed, report(false), 30);
    assert.equal(statusOf(again), 'passed');
    assert.equal(again.passedAt, 20);
    assert.equal(again.checks, 3);
    assert.deepEqual(again.last, { at: 30, report: report(false) });
  });

  it('reveals hints one at a time, never past the last', () => {
    let entry = revealHint(undefined, 2);
    assert.equal(entry.hints, 1);
    entry = revealHint(revealHint(entry, 2), 2);
    assert.equal(entry.hints, 2);
  });

  it('marks the solution viewed only before passing', () => {
    assert.equal(viewSolution(undefined).solutionViewed, true);
    const passed = recordReport(undefined, report(true), 1);
    assert.equal(viewSolution(passed).solutionViewed, false);
  });

  it('reads stored progress, dropping malformed entries one by one', () => {
    const good = recordReport(undefined, report(false), 5);
    const raw = JSON.stringify({ a: good, b: { checks: 'x' }, c: null });
    assert.deepEqual(parseProgress(raw), { a: good });
    assert.deepEqual(parseProgress('not json'), {});
    assert.deepEqual(parseProgress('[1,2]'), {});
    assert.deepEqual(parseProgress(null), {});
  });
});

describe('exercise drafts', () => {
  const starter = [
    { name: 'worker.ts', source: 'start 1' },
    { name: 'relay.ts', source: 'start 2' },
  ];

  it('saves edits, restores them in the starter order, and keeps no draft of the starter', () => {
    const storage = new MemoryStorage();
    const edited = [starter[1]!, { name: 'worker.ts', source: 'mine' }];
    saveExerciseDraft(storage, 'x', starter, edited, 42);
    assert.deepEqual(loadExerciseDraft(storage, 'x', starter), {
      savedAt: 42,
      files: [{ name: 'worker.ts', source: 'mine' }, starter[1]],
    });
    saveExerciseDraft(storage, 'x', starter, starter, 43);
    assert.equal(storage.getItem(exerciseDraftKey('x')), null);
  });

  it('drops a draft that no longer fits the exercise or cannot be read', () => {
    const storage = new MemoryStorage();
    storage.setItem(exerciseDraftKey('x'), JSON.stringify({ savedAt: 1, files: [starter[0]] }));
    assert.equal(loadExerciseDraft(storage, 'x', starter), undefined);
    assert.equal(storage.length, 0);
    storage.setItem(exerciseDraftKey('x'), '{oops');
    assert.equal(loadExerciseDraft(storage, 'x', starter), undefined);
    assert.equal(storage.length, 0);
  });
});

describe('exercise:check request', () => {
  const file = { name: 'charger.ts', source: 'x' };
  it('takes an id and unique, bounded files', () => {
    assert.ok(exerciseCheckRequestSchema.safeParse({ exerciseId: 'a-b', files: [file] }).success);
    for (const bad of [
      { exerciseId: 'A B', files: [file] },
      { exerciseId: 'a', files: [] },
      { exerciseId: 'a', files: [file, file] },
      { exerciseId: 'a', files: [{ name: 'x/../y.ts', source: '' }] },
      { exerciseId: 'a', files: [{ name: 'a.ts', source: 'x'.repeat(100_001) }] },
    ])
      assert.equal(exerciseCheckRequestSchema.safeParse(bad).success, false, JSON.stringify(bad));
  });
});

/** A socket.io client stand-in: records handlers, answers emits with a scripted ack. */
class ScriptedSocket {
  connected = true;
  handlers = new Map<string, ((payload: unknown) => void)[]>();
  answer: (request: unknown) => ExerciseCheckAck | 'timeout' = () => ({
    data: { checkId: 'c1', state: 'running' },
  });
  on(event: string, handler: (payload: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  timeout() {
    return {
      emit: (_event: string, request: unknown, ack: (err: Error | null, res?: unknown) => void) => {
        const res = this.answer(request);
        if (res === 'timeout') ack(new Error('timeout'));
        else ack(null, res);
      },
    };
  }
  fire(event: string, payload: unknown) {
    for (const h of this.handlers.get(event) ?? []) h(payload);
  }
}

function session() {
  const socket = new ScriptedSocket();
  const graded: string[] = [];
  const s = new CheckSession(socket as unknown as AppSocket, (id) => graded.push(id));
  const phases: CheckSnapshot['phase'][] = [];
  s.subscribe(() => phases.push(s.getSnapshot().phase));
  return { socket, s, graded, phases };
}

const files = [{ name: 'charger.ts', source: 'x' }];
const started = {
  checkId: 'c1',
  exerciseId: 'ex',
  run: { runId: 'r1', broker: 'redis', scripts: ['charger.ts'], seconds: 12 },
};

describe('check session', () => {
  it('follows a check from sending to the report, feeding the run into the live model', () => {
    const { socket, s, graded, phases } = session();
    s.check({ exerciseId: 'ex', files }, 'redis');
    socket.fire('exercise:started', started);
    socket.fire('run:trace', { runId: 'other', events: [{ type: 'produce' }] });
    socket.fire('run:ended', { runId: 'r1', type: 'run-end', reason: 'completed' } as RunEndEvent);
    assert.equal(s.getSnapshot().model?.ended?.reason, 'completed');
    socket.fire('exercise:checked', { checkId: 'other', exerciseId: 'ex', outcome: 'graded' });
    assert.equal(s.getSnapshot().phase, 'judging', 'another check is not ours');
    socket.fire('exercise:checked', {
      checkId: 'c1',
      exerciseId: 'ex',
      outcome: 'graded',
      report: report(true),
    });
    assert.deepEqual(phases, ['sending', 'preparing', 'grading', 'judging', 'idle']);
    const snap = s.getSnapshot();
    assert.equal(snap.outcome?.kind, 'graded');
    assert.equal(snap.runId, 'r1');
    assert.deepEqual(graded, ['ex']);
  });

  it('says queued with the place in line, and ignores a second check meanwhile', () => {
    const { socket, s } = session();
    socket.answer = () => ({ data: { checkId: 'c1', state: 'queued', position: 2 } });
    s.check({ exerciseId: 'ex', files }, 'redis');
    assert.equal(s.getSnapshot().phase, 'queued');
    assert.equal(s.getSnapshot().position, 2);
    socket.answer = () => assert.fail('sent twice');
    s.check({ exerciseId: 'ex', files }, 'redis');
  });

  it('turns refusals, missing answers, grading failures and disconnects into outcomes', () => {
    const refused = session();
    refused.socket.answer = () => ({ error: 'busy now', refusal: 'busy' });
    refused.s.check({ exerciseId: 'ex', files }, 'redis');
    assert.deepEqual(refused.s.getSnapshot().outcome, {
      kind: 'refused',
      refusal: 'busy',
      message: 'busy now',
    });

    const silent = session();
    silent.socket.answer = () => 'timeout';
    silent.s.check({ exerciseId: 'ex', files }, 'redis');
    assert.deepEqual(silent.s.getSnapshot().outcome, { kind: 'no-answer' });

    const offline = session();
    offline.socket.connected = false;
    offline.s.check({ exerciseId: 'ex', files }, 'redis');
    assert.deepEqual(offline.s.getSnapshot().outcome, { kind: 'no-answer' });

    const broken = session();
    broken.s.check({ exerciseId: 'ex', files }, 'redis');
    broken.socket.fire('exercise:checked', {
      checkId: 'c1',
      exerciseId: 'ex',
      outcome: 'unavailable',
      message: 'no drop fault yet',
      broker: 'redis',
    });
    assert.deepEqual(broken.s.getSnapshot().outcome, {
      kind: 'unavailable',
      message: 'no drop fault yet',
    });
    assert.deepEqual(broken.graded, []);

    const dropped = session();
    dropped.s.check({ exerciseId: 'ex', files }, 'redis');
    dropped.socket.fire('exercise:started', started);
    dropped.socket.fire('disconnect', 'transport close');
    assert.deepEqual(dropped.s.getSnapshot().outcome, { kind: 'disconnected' });
    dropped.s.dismiss();
    assert.equal(dropped.s.getSnapshot().outcome, undefined);
  });
});
