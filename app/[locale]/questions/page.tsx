import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import QuestionBank from '@/components/questions/QuestionBank';
import { isLocale } from '@/i18n/routing';
import { compileMdx } from '@/server/content/mdx';
import { listQuestions } from '@/server/content/questions';

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'questions' }))('title') };
}

export default async function QuestionsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('questions');
  const questions = listQuestions(locale);
  // Answers are rendered (and highlighted) on the server; the client only shows and hides them.
  const items = await Promise.all(
    questions.map(async (q) => {
      const Answer = await compileMdx(q.answer, 'md');
      const { id, question, topic, brokers, difficulty } = q;
      return { id, question, topic, brokers, difficulty, answer: <Answer /> };
    }),
  );
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        {t('lead', { count: items.length })}
      </p>
      <div className="mt-6">
        <QuestionBank items={items} />
      </div>
    </div>
  );
}
