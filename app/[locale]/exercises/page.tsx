import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import ExerciseList from '@/components/exercises/ExerciseList';
import { exerciseSummaries } from '@/components/exercises/exerciseData';
import { isLocale } from '@/i18n/routing';

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'exercises.meta' });
  return { title: t('title'), description: t('description') };
}

export default async function ExercisesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('exercises.list');
  const items = exerciseSummaries(locale);
  const messages = await getMessages();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        {t('lead', { count: items.length })}
      </p>
      <div className="mt-8">
        <NextIntlClientProvider locale={locale} messages={{ exercises: messages.exercises }}>
          <ExerciseList items={items} />
        </NextIntlClientProvider>
      </div>
    </div>
  );
}
