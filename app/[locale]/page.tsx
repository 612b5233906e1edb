import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import HomeBrokerPanel from '@/components/layout/HomeBrokerPanel';

const CARDS = [
  { key: 'lessons', href: '/lessons' },
  { key: 'playground', href: '/playground' },
  { key: 'exercises', href: '/exercises' },
  { key: 'questions', href: '/questions' },
] as const;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:py-20">
      <section className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-600 dark:text-brand-100">
          {t('eyebrow')}
        </p>
        <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">
          {t('title')}
        </h1>
        <p className="mt-6 text-lg leading-8 text-slate-600 dark:text-slate-300">{t('lead')}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link
            href="/lessons"
            className="rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700"
          >
            {t('startChapter')}
          </Link>
          <Link
            href="/playground"
            className="rounded-lg border border-slate-300 px-5 py-2.5 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
          >
            {t('openPlayground')}
          </Link>
        </div>
      </section>
      <section className="mt-16 grid gap-4 sm:grid-cols-2">
        {CARDS.map((c) => (
          <Link
            key={c.key}
            href={c.href}
            className="group rounded-xl border border-slate-200 p-6 transition hover:border-brand-500 hover:shadow-sm dark:border-slate-800"
          >
            <h2 className="font-semibold text-slate-900 group-hover:text-brand-600 dark:text-white">
              {t(`cards.${c.key}.title`)}
            </h2>
            <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">
              {t(`cards.${c.key}.body`)}
            </p>
          </Link>
        ))}
      </section>
      <section className="mt-16">
        <h2 className="text-lg font-semibold">{t('brokersTitle')}</h2>
        <div className="mt-4 max-w-xl rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <HomeBrokerPanel />
        </div>
      </section>
    </div>
  );
}
