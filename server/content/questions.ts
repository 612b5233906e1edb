import fs from 'node:fs';
import path from 'node:path';
import { parseFrontMatter } from './frontMatter';
import { QUESTIONS_DIR, parseOrderedName } from './paths';
import { questionFrontMatterSchema, type ContentLocale, type QuestionFrontMatter } from './schema';

export interface QuestionSource extends QuestionFrontMatter {
  id: string;
  order: number;
  locale: ContentLocale;
  /** The model answer, Markdown. */
  answer: string;
}

/** Question ids (`NN-id` files) found for a locale, in order. */
export function listQuestionFiles(
  locale: ContentLocale,
): { id: string; order: number; file: string }[] {
  if (!fs.existsSync(QUESTIONS_DIR)) return [];
  const suffix = `.${locale}.md`;
  return fs
    .readdirSync(QUESTIONS_DIR)
    .filter((f) => f.endsWith(suffix))
    .flatMap((f) => {
      const parsed = parseOrderedName(f.slice(0, -suffix.length));
      return parsed
        ? [{ id: parsed.slug, order: parsed.order, file: path.join(QUESTIONS_DIR, f) }]
        : [];
    })
    .sort((a, b) => a.order - b.order);
}

export function listQuestions(locale: ContentLocale): QuestionSource[] {
  return listQuestionFiles(locale).map(({ id, order, file }) => {
    const { data, body } = parseFrontMatter(
      file,
      fs.readFileSync(file, 'utf8'),
      questionFrontMatterSchema,
    );
    return { ...data, id, order, locale, answer: body.trim() };
  });
}
