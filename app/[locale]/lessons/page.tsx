import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Link } from '@/i18n/navigation';
import { isLocale } from '@/i18n/routing';
import { listLessons } from '@/server/content/lessons';
import ReadMark from '@/components/lessons/ReadMark';

export default async function ChapterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('lesson');
  const lessons = listLessons(locale);
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t('chapter')}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">{t('chapterLead')}</p>
      <ol className="mt-8 space-y-3">
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link
              href={`/lessons/${l.slug}`}
              className="flex gap-4 rounded-xl border border-slate-200 p-4 hover:border-brand-500 dark:border-slate-800"
            >
              <span className="font-mono text-lg text-slate-400">
                {String(l.order).padStart(2, '0')}
              </span>
              <span className="flex-1">
                <span className="block font-semibold">{l.title}</span>
                <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">
                  {l.summary}
                </span>
              </span>
              <ReadMark slug={l.slug} />
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
