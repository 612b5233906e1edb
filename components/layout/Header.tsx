import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import BrokerStatusBadge from './BrokerStatusBadge';
import LocaleSwitcher from './LocaleSwitcher';
import ThemeToggle from './ThemeToggle';
import SearchDialog from '@/components/search/SearchDialog';

const SECTIONS = ['lessons', 'questions', 'playground', 'exercises'] as const;

export default async function Header() {
  const t = await getTranslations('nav');
  const links = SECTIONS.map((s) => (
    <Link
      key={s}
      href={`/${s}`}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
    >
      {t(s)}
    </Link>
  ));
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        {t('skip')}
      </a>
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white"
          >
            MQ
          </span>
          <span>{t('home')}</span>
        </Link>
        <nav aria-label={t('menu')} className="ml-4 hidden items-center gap-1 md:flex">
          {links}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <SearchDialog />
          <BrokerStatusBadge />
          <LocaleSwitcher />
          <ThemeToggle />
          <details className="relative md:hidden">
            <summary
              className="cursor-pointer list-none rounded-md p-2 hover:bg-slate-100 dark:hover:bg-slate-800"
              aria-label={t('menu')}
            >
              <svg
                viewBox="0 0 24 24"
                className="size-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                aria-hidden="true"
              >
                <path d="M4 6h16M4 12h16M4 18h16" />
              </svg>
            </summary>
            <nav
              aria-label={t('menu')}
              className="absolute right-0 mt-2 flex w-48 flex-col rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
            >
              {links}
            </nav>
          </details>
        </div>
      </div>
    </header>
  );
}
