'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';

const LABELS: Record<string, string> = { zh: '中文', en: 'EN' };

/** Links to the same page in the other locale. */
export default function LocaleSwitcher() {
  const t = useTranslations('nav');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <nav
      aria-label={t('language')}
      className="flex rounded-md border border-slate-200 text-sm dark:border-slate-700"
    >
      {routing.locales.map((l) => (
        <Link
          key={l}
          href={pathname}
          locale={l}
          hrefLang={l}
          aria-current={l === locale ? 'true' : undefined}
          className={`px-2 py-1 first:rounded-l-md last:rounded-r-md ${
            l === locale
              ? 'bg-slate-900 text-white dark:bg-white dark:text-slate-900'
              : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          {LABELS[l]}
        </Link>
      ))}
    </nav>
  );
}
