'use client';

import { useTranslations } from 'next-intl';
import { useReadLessons } from './readProgress';

/** "read" / "not read yet" for one lesson, as text and a mark. */
export default function ReadMark({ slug }: { slug: string }) {
  const t = useTranslations('lesson');
  const read = useReadLessons().includes(slug);
  return (
    <span
      data-read={read}
      className={`shrink-0 self-start rounded-full px-2 py-0.5 text-xs ${
        read
          ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300'
          : 'text-slate-400'
      }`}
    >
      {read ? `✓ ${t('read')}` : t('unread')}
    </span>
  );
}
