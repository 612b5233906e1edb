import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listExampleDirs, readExample } from '../../server/content/examples';
import { listLessonEntries } from '../../server/content/lessons';
import { runToEnd } from './helpers';

/**
 * Every runnable lesson example, run in the sandbox against the real broker it names: it must
 * finish on its own, every script must exit 0, and what its example.json says will happen on the
 * broker (trace event counts) must happen.
 */
describe('lesson examples do what their lessons say', () => {
  for (const lesson of listLessonEntries()) {
    for (const name of listExampleDirs(lesson.dir)) {
      const example = readExample(lesson.dir, lesson.slug, name);
      it(`${example.id} (${example.broker})`, async () => {
        const { events, end } = await runToEnd(
          example.broker,
          Object.fromEntries(example.files.map((f) => [f.name, f.source])),
          { seconds: 30 },
        );
        const logs = () =>
          events
            .filter((e) => e.type === 'log' || e.type === 'error')
            .map((e) => `${e.script}: ${'text' in e ? e.text : e.message}`)
            .slice(-30)
            .join('\n');
        assert.equal(
          end.reason,
          'completed',
          `run ended by ${end.reason}: ${end.message}\n${logs()}`,
        );
        for (const s of end.scripts)
          assert.equal(s.code, 0, `${s.script} exited ${s.code} (${s.reason})\n${logs()}`);
        for (const e of example.expect) {
          const count = events.filter((ev) => ev.type === e.type).length;
          if (e.min !== undefined)
            assert.ok(count >= e.min, `${e.type}: ${count} < min ${e.min}\n${logs()}`);
          if (e.max !== undefined)
            assert.ok(count <= e.max, `${e.type}: ${count} > max ${e.max}\n${logs()}`);
        }
      });
    }
  }
});
