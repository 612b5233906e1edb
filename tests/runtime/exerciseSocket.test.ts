/**
 * `exercise:check` against a real server on an ephemeral port, real socket.io clients, the
 * real grader, runner and Redis: malformed requests are refused, a check streams its run
 * like a playground run and ends with the grader's report, limits hold, a disconnect stops it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Server } from 'socket.io';
import { getExercise, solutionFiles } from '../../server/exercises/load';
import { GradingUnavailable } from '../../server/exercises/runDriver';
import type {
  ExerciseCheckAck,
  ExerciseCheckedPayload,
  ExerciseCheckStartedPayload,
} from '../../server/protocol/exercise';
import type { TraceEvent } from '../../server/protocol/trace';
import { liveRuns } from '../../server/runner/liveRuns';
import { registerExerciseHandlers } from '../../server/socket/exerciseHandlers';
import { processesOfRuns } from './helpers';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect } from 'socket.io-client';
import type { AppServer } from '../../server/socket/app';
import { useSocketApp, type Client } from './socketApp';

/** A quick one (about 6 s): ten payments, three sent twice; the starter charges the repeats. */
const EXERCISE_ID = 'redis-idempotent-consumer';

describe('socket events exercise:*', () => {
  const { client } = useSocketApp();
  const exercise = getExercise(EXERCISE_ID);
  const checked = (socket: Client, checkId: string) =>
    new Promise<ExerciseCheckedPayload>((resolve) =>
      socket.on('exercise:checked', (p) => p.checkId === checkId && resolve(p)),
    );

  it('answers malformed requests with {error} and keeps serving', async () => {
    assert.ok(exercise, `exercise ${EXERCISE_ID} is missing`);
    const socket = await client();
    const send = (payload: unknown) =>
      new Promise<ExerciseCheckAck>((resolve) =>
        (socket.emit as (...a: unknown[]) => void)('exercise:check', payload, resolve),
      );
    const file = exercise.start[0]!;
    const cases: [unknown, string][] = [
      [null, 'invalid'],
      [42, 'invalid'],
      ['x', 'invalid'],
      [{}, 'invalid'],
      [{ exerciseId: EXERCISE_ID, files: [] }, 'invalid'],
      [{ exerciseId: '../etc', files: [file] }, 'invalid'],
      [{ exerciseId: 'x'.repeat(200), files: [file] }, 'invalid'],
      [{ exerciseId: EXERCISE_ID, files: [{ name: '../x.ts', source: '' }] }, 'invalid'],
      [{ exerciseId: EXERCISE_ID, files: [{ ...file, source: 'x'.repeat(200_000) }] }, 'invalid'],
      [{ exerciseId: EXERCISE_ID, files: [file, file] }, 'invalid'],
      [{ exerciseId: EXERCISE_ID, files: Array(9).fill(file) }, 'invalid'],
      [{ exerciseId: 'no-such-exercise', files: [file] }, 'unknown-exercise'],
      [{ exerciseId: EXERCISE_ID, files: [{ name: 'other.ts', source: '' }] }, 'wrong-files'],
    ];
    for (const [payload, refusal] of cases) {
      const res = await send(payload);
      assert.ok('error' in res, `no error for ${JSON.stringify(payload)?.slice(0, 80)}`);
      assert.equal(res.refusal, refusal, res.error);
    }
    (socket.emit as (...a: unknown[]) => void)('exercise:check', { exerciseId: EXERCISE_ID }); // no ack
    (socket.emit as (...a: unknown[]) => void)('exercise:check'); // nothing at all
    const res = await send({ exerciseId: 'no-such-exercise', files: [file] });
    assert.ok('error' in res && socket.connected, 'still serving');
  });

  it('grades the starter for real: the run streams as run:* events, then a failing report', async () => {
    assert.ok(exercise);
    const socket = await client();
    const trace: TraceEvent[] = [];
    socket.on('run:trace', (b) => trace.push(...b.events));
    const started = new Promise<ExerciseCheckStartedPayload>((resolve) =>
      socket.once('exercise:started', resolve),
    );
    const runEnded = new Promise<string>((resolve) =>
      socket.once('run:ended', (e) => resolve(e.runId)),
    );
    const res = await socket.emitWithAck('exercise:check', {
      exerciseId: EXERCISE_ID,
      files: exercise.start,
    });
    assert.ok('data' in res, JSON.stringify(res));
    assert.equal(res.data.state, 'running');
    const result = checked(socket, res.data.checkId);
    const start = await started;
    assert.equal(start.checkId, res.data.checkId);
    assert.equal(start.run.broker, 'redis');
    assert.deepEqual([...start.run.scripts].sort(), ['charger.ts', 'checkout.ts']);
    assert.equal(await runEnded, start.run.runId);
    const outcome = await result;
    assert.equal(outcome.outcome, 'graded', JSON.stringify(outcome));
    if (outcome.outcome !== 'graded') return;
    const { report } = outcome;
    assert.equal(report.exercise, EXERCISE_ID);
    assert.equal(report.passed, false);
    assert.ok(report.durationMs > 0 && report.durationMs <= 20_000, `${report.durationMs} ms`);
    const dedup = report.checks.find((c) => c.id === 'no-double-charge');
    assert.ok(dedup && !dedup.passed, 'the starter charges a repeated payment twice');
    assert.match(dedup.message.en, /pay-\d+ was charged 2 times/);
    assert.ok(dedup.message.zh && dedup.title.zh && dedup.title.en);
    assert.ok(trace.some((e) => e.type === 'produce' && e.script === 'checkout.ts'));
    assert.ok(trace.some((e) => e.type === 'deliver' && e.script === 'charger.ts'));
  });

  it('limits one browser like runs: one grading, one queued, the rest refused; the queued one passes', async () => {
    assert.ok(exercise);
    const socket = await client();
    const request = { exerciseId: EXERCISE_ID, files: solutionFiles(exercise) };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => socket.emitWithAck('exercise:check', request)),
    );
    const states = answers.map((a) => ('data' in a ? a.data.state : a.refusal));
    assert.deepEqual(states, ['running', 'queued', 'busy', 'busy']);
    const queued = answers[1]!;
    assert.ok('data' in queued && queued.data.position === 1);
    const results = await Promise.all(
      answers.slice(0, 2).map((a) => checked(socket, 'data' in a ? a.data.checkId : '')),
    );
    for (const r of results) {
      assert.equal(r.outcome, 'graded');
      if (r.outcome === 'graded')
        assert.ok(r.report.passed, r.report.checks.map((c) => c.message.en).join('\n'));
    }
  });

  it('stops the grading run when the browser goes away', async () => {
    assert.ok(exercise);
    const socket = await client();
    const started = new Promise<ExerciseCheckStartedPayload>((resolve) =>
      socket.once('exercise:started', resolve),
    );
    const res = await socket.emitWithAck('exercise:check', {
      exerciseId: EXERCISE_ID,
      files: exercise.start,
    });
    assert.ok('data' in res);
    const { runId } = (await started).run;
    const at = Date.now();
    socket.disconnect();
    for (let i = 0; i < 100 && liveRuns.has(runId); i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.ok(!liveRuns.has(runId), 'the run ended');
    assert.ok(Date.now() - at < 5_000, 'well before its 12 s limit');
    assert.deepEqual(processesOfRuns([runId]), []);
  });
});

describe('exercise:checked without a report', () => {
  it('says why when grading cannot run (unavailable) or broke (error), and keeps serving', async () => {
    const exercise = getExercise(EXERCISE_ID);
    assert.ok(exercise);
    const http = createServer();
    const io: AppServer = new Server(http);
    let failure: Error = new GradingUnavailable('this exercise needs a fault the runtime lacks');
    registerExerciseHandlers(io, {
      grade: async () => {
        throw failure;
      },
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const socket: Client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ['websocket'],
    });
    try {
      const outcomes: ExerciseCheckedPayload[] = [];
      socket.on('exercise:checked', (p) => outcomes.push(p));
      for (const expected of ['unavailable', 'error'] as const) {
        const res = await socket.emitWithAck('exercise:check', {
          exerciseId: EXERCISE_ID,
          files: exercise.start,
        });
        assert.ok('data' in res, JSON.stringify(res));
        while (!outcomes.some((o) => 'data' in res && o.checkId === res.data.checkId))
          await new Promise((r) => setTimeout(r, 20));
        const outcome = outcomes.at(-1)!;
        assert.equal(outcome.outcome, expected);
        assert.ok(outcome.message.length > 0);
        assert.equal(outcome.broker, 'redis');
        failure = new Error('the broker went away');
      }
    } finally {
      socket.disconnect();
      await new Promise((resolve) => io.close(resolve));
    }
  });
});
