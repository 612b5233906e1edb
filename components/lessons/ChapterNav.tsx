'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { useReadLessons } from './readProgress';

export interface ChapterItem {
  slug: string;
  order: number;
  title: string;
}

/** The chapter's lessons with read marks; the current one is marked for screen readers too. */
export default function ChapterNav({ items, current }: { items: ChapterItem[]; current?: string }) {
  const t = useTranslations('lesson');
  const read = useReadLessons();
  return (
    <ol className="space-y-0.5 text-sm">
      {items.map((item) => {
        const isRead = read.includes(item.slug);
        const active = item.slug === current;
        return (
          <li key={item.slug}>
            <Link
              href={`/lessons/${item.slug}`}
              aria-current={active ? 'page' : undefined}
              className={`flex items-start gap-2 rounded-md px-2 py-1.5 ${
                active
                  ? 'bg-brand-50 font-medium text-brand-700 dark:bg-brand-700/20 dark:text-brand-100'
                  : 'text-slate-600 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800'
              }`}
            >
              <span className="w-5 shrink-0 text-right font-mono text-xs leading-5 text-slate-400">
                {item.order}
              </span>
              <span className="flex-1">{item.title}</span>
              <span
                className={`mt-1 size-2.5 shrink-0 rounded-full border ${isRead ? 'border-emerald-500 bg-emerald-500' : 'border-slate-300 dark:border-slate-600'}`}
                title={isRead ? t('read') : t('unread')}
                data-read={isRead}
              >
                <span className="sr-only">{isRead ? t('read') : t('unread')}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
