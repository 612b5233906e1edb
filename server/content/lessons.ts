import fs from 'node:fs';
import path from 'node:path';
import { extractHeadings, type Heading } from './headings';
import { parseFrontMatter } from './frontMatter';
import { LESSONS_DIR, parseOrderedName } from './paths';
import {
  LOCALES,
  lessonFrontMatterSchema,
  type ContentLocale,
  type LessonFrontMatter,
} from './schema';

export interface LessonSource extends LessonFrontMatter {
  slug: string;
  order: number;
  dir: string;
  locale: ContentLocale;
  body: string;
  headings: Heading[];
  /** Names used by `<Example name="…" />`, in page order. */
  exampleNames: string[];
}

export interface LessonEntry {
  slug: string;
  order: number;
  dir: string;
}

/** Lesson folders in chapter order. */
export function listLessonEntries(): LessonEntry[] {
  return fs
    .readdirSync(LESSONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const parsed = parseOrderedName(d.name);
      return parsed ? [{ ...parsed, dir: path.join(LESSONS_DIR, d.name) }] : [];
    })
    .sort((a, b) => a.order - b.order);
}

export function readLesson(entry: LessonEntry, locale: ContentLocale): LessonSource {
  const file = path.join(entry.dir, `${locale}.mdx`);
  if (!fs.existsSync(file))
    throw new Error(`${file}: missing (every lesson needs ${LOCALES.join(' and ')})`);
  const { data, body } = parseFrontMatter(
    file,
    fs.readFileSync(file, 'utf8'),
    lessonFrontMatterSchema,
  );
  const exampleNames = [...body.matchAll(/<Example\s+name="([^"]+)"\s*\/>/g)].map((m) => m[1]!);
  return { ...data, ...entry, locale, body, headings: extractHeadings(body), exampleNames };
}

const cache = new Map<string, LessonSource[]>();

/** Every lesson in one locale, in order. Cached in production; re-read in dev. */
export function listLessons(locale: ContentLocale): LessonSource[] {
  const hit = process.env.NODE_ENV === 'production' ? cache.get(locale) : undefined;
  if (hit) return hit;
  const lessons = listLessonEntries().map((e) => readLesson(e, locale));
  cache.set(locale, lessons);
  return lessons;
}

export function getLesson(locale: ContentLocale, slug: string): LessonSource | undefined {
  return listLessons(locale).find((l) => l.slug === slug);
}
