import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectEditorTypings } from '../../scripts/editorTypings';
import { exampleSource, readTemplates } from '../../server/content/templates';
import { listExampleDirs } from '../../server/content/examples';
import { listLessonEntries } from '../../server/content/lessons';

describe('playground templates', () => {
  const templates = readTemplates();

  it('load, each with a description in both locales and the file it opens', () => {
    assert.ok(templates.length >= 20, `${templates.length} templates`);
    for (const t of templates) {
      assert.ok(
        t.files.some((f) => f.name === t.open),
        t.id,
      );
      assert.ok(t.description.zh && t.description.en, t.id);
    }
  });

  it('cover what the playground issue asks for', () => {
    const ids = new Set(templates.map((t) => t.id));
    for (const id of [
      'rabbitmq-basic',
      'kafka-basic',
      'nsq-basic',
      'redis-basic',
      'rabbitmq-work-queue',
      'rabbitmq-topic-routing',
      'rabbitmq-dlx-retries',
      'rabbitmq-delayed-ttl',
      'rabbitmq-publisher-confirms',
      'kafka-keyed-ordering',
      'kafka-rebalance',
      'kafka-manual-commit',
      'nsq-requeue-backoff',
      'nsq-deferred-publish',
      'redis-autoclaim',
      'redis-idempotent',
      'rabbitmq-orders',
      'kafka-orders',
      'nsq-orders',
      'redis-orders',
    ]) {
      assert.ok(ids.has(id), `missing template ${id}`);
    }
  });

  it('open a lesson example by id, and nothing outside the lessons', () => {
    const entry = listLessonEntries().find((e) => listExampleDirs(e.dir).length > 0);
    if (entry) {
      const name = listExampleDirs(entry.dir)[0]!;
      const source = exampleSource(`${entry.slug}/${name}`, 'en');
      assert.equal(source?.kind, 'example');
      assert.ok(source!.files.length > 0);
    }
    for (const bad of [
      '../templates/01-rabbitmq-basic',
      'x/../../etc',
      'no-such-lesson/x',
      'a/b/c',
      '',
    ]) {
      assert.equal(exampleSource(bad, 'en'), undefined, bad);
    }
  });
});

describe('editor typings', () => {
  const { files, shorthandModules } = collectEditorTypings();

  it('hold the four client libraries, resolvable through their package.json', () => {
    for (const [pkg, types] of [
      ['amqplib', 'index.d.ts'],
      ['kafkajs', 'types/index.d.ts'],
      ['ioredis', 'built/index.d.ts'],
      ['@types/nsqjs', 'index.d.ts'],
    ]) {
      assert.deepEqual(JSON.parse(files[`${pkg}/package.json`]!), { name: pkg, types });
      assert.ok(files[`${pkg}/${types}`], `${pkg}/${types}`);
    }
    assert.match(files['amqplib/index.d.ts']!, /nack\(/);
  });

  it("carry Node's globals and the modules the libraries import, not all of @types/node", () => {
    for (const f of [
      'globals.d.ts',
      'events.d.ts',
      'net.d.ts',
      'tls.d.ts',
      'ts5.6/buffer.buffer.d.ts',
    ])
      assert.ok(files[`@types/node/${f}`], f);
    assert.equal(files['@types/node/http2.d.ts'], undefined);
    assert.ok(shorthandModules.includes('node:fs'));
    const size = Object.values(files).reduce((n, text) => n + text.length, 0);
    assert.ok(size < 2_500_000, `${size} chars`);
  });
});
