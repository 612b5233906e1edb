import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { parseFrontMatter } from '../../server/content/frontMatter';
import { extractHeadings } from '../../server/content/headings';
import { listLessons } from '../../server/content/lessons';
import { listQuestions } from '../../server/content/questions';
import { validateContent, MIN_QUESTIONS } from '../../server/content/validate';
import { plainText } from '../../server/content/searchIndex';

describe('lesson content', () => {
  it('has no problems (both locales, same heading ids, valid front-matter, real example files)', () => {
    assert.deepEqual(validateContent(), []);
  });

  it('has the fifteen chapter lessons in order in both locales', () => {
    for (const locale of ['zh', 'en'] as const) {
      const lessons = listLessons(locale);
      assert.ok(lessons.length >= 15, `${locale}: ${lessons.length} lessons`);
      assert.deepEqual(
        lessons.map((l) => l.order),
        [...lessons.map((l) => l.order)].sort((a, b) => a - b),
      );
    }
  });

  it(`has at least ${MIN_QUESTIONS} interview questions per locale`, () => {
    assert.ok(listQuestions('zh').length >= MIN_QUESTIONS);
    assert.ok(listQuestions('en').length >= MIN_QUESTIONS);
  });
});

describe('extractHeadings', () => {
  it('reads explicit ids and ignores headings inside code fences', () => {
    const mdx =
      '## One {/*one*/}\ntext\n```ts\n## not a heading\n```\n### Two {/* two-b */}\n## No id\n';
    assert.deepEqual(extractHeadings(mdx), [
      { depth: 2, text: 'One', id: 'one' },
      { depth: 3, text: 'Two', id: 'two-b' },
      { depth: 2, text: 'No id', id: '' },
    ]);
  });
});

describe('parseFrontMatter', () => {
  const schema = z.strictObject({ title: z.string() });
  it('returns data and body', () => {
    assert.deepEqual(parseFrontMatter('x.mdx', '---\ntitle: Hi\n---\nBody', schema), {
      data: { title: 'Hi' },
      body: 'Body',
    });
  });
  it('names the file and the field when front-matter is wrong', () => {
    assert.throws(
      () => parseFrontMatter('x.mdx', '---\ntitel: Hi\n---\n', schema),
      /x\.mdx: invalid front-matter/,
    );
    assert.throws(
      () => parseFrontMatter('y.mdx', 'no front matter', schema),
      /y\.mdx: missing front-matter/,
    );
  });
});

describe('plainText', () => {
  it('drops code, components and id comments', () => {
    assert.equal(
      plainText(
        '<Pitfall title="x">\nHello **world** {/*id*/}\n```ts\nconst a = 1;\n```\n</Pitfall>',
      ),
      'Hello world',
    );
  });
});
