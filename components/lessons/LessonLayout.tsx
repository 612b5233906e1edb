import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { LessonSource } from '@/server/content/lessons';
import ChapterNav, { type ChapterItem } from './ChapterNav';
import ReadTracker from './ReadTracker';
import TableOfContents from './TableOfContents';

interface Props {
  lesson: LessonSource;
  chapter: ChapterItem[];
  prev?: LessonSource;
  next?: LessonSource;
  children: ReactNode;
}

/** Chapter sidebar | article | table of contents; on a phone the sidebar folds into a menu. */
export default async function LessonLayout({ lesson, chapter, prev, next, children }: Props) {
  const t = await getTranslations('lesson');
  return (
    <div className="mx-auto flex max-w-7xl gap-8 px-4 py-8">
      <aside
        className="sticky top-20 hidden max-h-[calc(100vh-6rem)] w-64 shrink-0 overflow-y-auto lg:block"
        aria-label={t('chapter')}
      >
        <p className="mb-2 px-2 text-xs font-semibold uppercase tracking-wider text-slate-500">
          {t('chapter')}
        </p>
        <ChapterNav items={chapter} current={lesson.slug} />
      </aside>
      <article className="min-w-0 flex-1" data-lesson={lesson.slug}>
        <details className="mb-6 rounded-lg border border-slate-200 p-3 lg:hidden dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-medium">{t('chapter')}</summary>
          <div className="mt-2">
            <ChapterNav items={chapter} current={lesson.slug} />
          </div>
        </details>
        {children}
        <ReadTracker slug={lesson.slug} />
        <nav
          className="mt-12 grid gap-4 border-t border-slate-200 pt-6 sm:grid-cols-2 dark:border-slate-800"
          aria-label={`${t('previous')} / ${t('next')}`}
        >
          {prev ? (
            <Link
              href={`/lessons/${prev.slug}`}
              rel="prev"
              className="rounded-lg border border-slate-200 p-4 hover:border-brand-500 dark:border-slate-800"
            >
              <span className="text-xs text-slate-500">← {t('previous')}</span>
              <span className="mt-1 block font-medium">{prev.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              href={`/lessons/${next.slug}`}
              rel="next"
              className="rounded-lg border border-slate-200 p-4 text-right hover:border-brand-500 dark:border-slate-800"
            >
              <span className="text-xs text-slate-500">{t('next')} →</span>
              <span className="mt-1 block font-medium">{next.title}</span>
            </Link>
          )}
        </nav>
      </article>
      <aside
        className="sticky top-20 hidden max-h-[calc(100vh-6rem)] w-56 shrink-0 overflow-y-auto xl:block"
        aria-label={t('onThisPage')}
      >
        <p className="mb-2 text-xs font-semibold uppercase tracking-wider text-slate-500">
          {t('onThisPage')}
        </p>
        <TableOfContents headings={lesson.headings} />
      </aside>
    </div>
  );
}
