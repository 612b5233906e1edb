import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseFault } from '../../server/exercises/faultSpec';
import { listExercises, readExercise, solutionFiles } from '../../server/exercises/load';
import { parseExerciseMarkdown } from '../../server/exercises/markdown';
import { MIN_EXERCISES, validateExercises } from '../../server/exercises/validate';

describe('exercise content', () => {
  it('has no problems (locales, lessons, overlays, wrong solutions, checks)', async () => {
    assert.deepEqual(await validateExercises(), []);
  });

  it(`has at least ${MIN_EXERCISES} exercises covering all four brokers`, () => {
    const exercises = listExercises();
    assert.ok(exercises.length >= MIN_EXERCISES, `${exercises.length} exercises`);
    assert.deepEqual(
      new Set(exercises.map((e) => e.broker)),
      new Set(['rabbitmq', 'kafka', 'nsq', 'redis']),
    );
  });

  it('gives every exercise at least two wrong solutions and a full solution of the learner files', () => {
    for (const exercise of listExercises()) {
      assert.ok(
        exercise.wrongSolutions.length >= 2,
        `${exercise.id}: ${exercise.wrongSolutions.length} wrong solutions`,
      );
      assert.deepEqual(
        solutionFiles(exercise).map((f) => f.name),
        exercise.files,
      );
    }
  });
});

describe('parseFault', () => {
  it('reads seconds, milliseconds and the target', () => {
    assert.deepEqual(parseFault('3s:kill:consumer.ts'), {
      text: '3s:kill:consumer.ts',
      atMs: 3000,
      kind: 'kill',
      target: 'consumer.ts',
    });
    assert.equal(parseFault('1500ms:restart:a.ts').atMs, 1500);
    assert.equal(parseFault('2.5s:duplicate:orders').target, 'orders');
  });
  it('names what is wrong', () => {
    assert.throws(() => parseFault('soon:kill:x.ts'), /is not <at>:<kind>:<target>/);
    assert.throws(() => parseFault('3s:explode:x.ts'), /unknown kind "explode"/);
  });
});

describe('parseExerciseMarkdown', () => {
  it('splits the statement from the hints, one hint per list item', () => {
    const text =
      'Do the thing.\n\n## Hints\n\n1. First,\n   still first.\n2. Second\n\n   ```ts\n   code();\n   ```\n';
    const parsed = parseExerciseMarkdown('en.md', 'en', text);
    assert.equal(parsed.statement, 'Do the thing.');
    assert.deepEqual(parsed.hints, ['First,\nstill first.', 'Second\n\n```ts\ncode();\n```']);
  });
  it('fails on a missing hints section, text outside the list, or a title', () => {
    assert.throws(
      () => parseExerciseMarkdown('zh.md', 'zh', '题目\n\n## Hints\n- x\n'),
      /zh\.md: no "## 提示" section/,
    );
    assert.throws(
      () => parseExerciseMarkdown('en.md', 'en', 'x\n## Hints\nloose text\n'),
      /hints must be a list/,
    );
    assert.throws(
      () => parseExerciseMarkdown('en.md', 'en', '# Title\nx\n## Hints\n- a\n'),
      /no "# " title/,
    );
  });
});

describe('readExercise fails loudly', () => {
  /** A copy of a real exercise in a temp folder, changed by `mutate`. */
  function brokenCopy(mutate: (dir: string) => void): string {
    const source = listExercises()[0]!.dir;
    const dir = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'mqlab-ex-')),
      path.basename(source),
    );
    fs.cpSync(source, dir, { recursive: true });
    mutate(dir);
    return dir;
  }
  const meta = (dir: string) => path.join(dir, 'exercise.json');
  const editMeta = (dir: string, change: (m: Record<string, unknown>) => void) => {
    const m = JSON.parse(fs.readFileSync(meta(dir), 'utf8')) as Record<string, unknown>;
    change(m);
    fs.writeFileSync(meta(dir), JSON.stringify(m));
  };

  it('on a missing locale', () => {
    const dir = brokenCopy((d) => fs.rmSync(path.join(d, 'zh.md')));
    assert.throws(() => readExercise(dir), /zh\.md: missing/);
  });
  it('on an unknown broker or lesson', () => {
    assert.throws(
      () => readExercise(brokenCopy((d) => editMeta(d, (m) => (m.broker = 'activemq')))),
      /broker/,
    );
    assert.throws(
      () => readExercise(brokenCopy((d) => editMeta(d, (m) => (m.lesson = 'no-such-lesson')))),
      /unknown lesson "no-such-lesson"/,
    );
  });
  it('on a solution identical to the starter', () => {
    const dir = brokenCopy((d) => {
      for (const f of fs.readdirSync(path.join(d, 'solution')))
        fs.copyFileSync(path.join(d, 'start', f), path.join(d, 'solution', f));
    });
    assert.throws(() => readExercise(dir), /identical to the starter/);
  });
  it('on a wrong solution without the check it must fail', () => {
    const dir = brokenCopy((d) => editMeta(d, (m) => (m.wrong = {})));
    assert.throws(() => readExercise(dir), /no entry in exercise\.json "wrong"/);
  });
  it('on a fault after the time limit or aimed at no script', () => {
    assert.throws(
      () =>
        readExercise(brokenCopy((d) => editMeta(d, (m) => (m.faults = ['99s:kill:worker.ts'])))),
      /after the \d+ s limit/,
    );
    assert.throws(
      () => readExercise(brokenCopy((d) => editMeta(d, (m) => (m.faults = ['1s:kill:ghost.ts'])))),
      /not one of the run's scripts/,
    );
  });
});
