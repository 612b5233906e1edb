import { listLessons } from './lessons';
import { listQuestions } from './questions';
import type { ContentLocale } from './schema';

export interface SearchDoc {
  id: string;
  kind: 'lesson' | 'question';
  title: string;
  /** The lesson a section belongs to; empty for questions. */
  parent: string;
  text: string;
  /** Path without the locale prefix. */
  href: string;
}

/** MDX/Markdown → plain words: drop code, tags, id comments and markup. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, ' ')
    .replace(/\{\/\*.*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Z][^>]*>/g, ' ')
    .replace(/[`*_>#|[\]()-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One document per lesson section and per question, for the client-side search. */
export function buildSearchDocs(locale: ContentLocale): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const lesson of listLessons(locale)) {
    const parts = lesson.body.split(/^(?=#{2,3}\s)/m);
    parts.forEach((part, i) => {
      const heading = i === 0 ? undefined : lesson.headings[i - 1];
      docs.push({
        id: `${lesson.slug}#${heading?.id ?? ''}`,
        kind: 'lesson',
        title: heading?.text ?? lesson.title,
        parent: lesson.title,
        text: plainText(i === 0 ? `${lesson.summary} ${part}` : part.replace(/^.*\n/, '')),
        href: `/lessons/${lesson.slug}${heading ? `#${heading.id}` : ''}`,
      });
    });
  }
  for (const q of listQuestions(locale)) {
    docs.push({
      id: `q:${q.id}`,
      kind: 'question',
      title: q.question,
      parent: '',
      text: plainText(q.answer),
      href: `/questions#${q.id}`,
    });
  }
  return docs;
}
