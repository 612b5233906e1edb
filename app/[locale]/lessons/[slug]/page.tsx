import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { lessonComponents } from '@/components/mdx/lessonComponents';
import LessonLayout from '@/components/lessons/LessonLayout';
import { getLesson, listLessonEntries, listLessons } from '@/server/content/lessons';
import { compileMdx } from '@/server/content/mdx';
import { validateContent } from '@/server/content/validate';
import { isLocale } from '@/i18n/routing';

interface Props {
  params: Promise<{ locale: string; slug: string }>;
}

export function generateStaticParams() {
  // Malformed content fails the build here, naming every problem at once.
  const problems = validateContent();
  if (problems.length) throw new Error(`Content problems:\n- ${problems.join('\n- ')}`);
  return listLessonEntries().map((e) => ({ slug: e.slug }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const lesson = isLocale(locale) ? getLesson(locale, slug) : undefined;
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const lesson = getLesson(locale, slug);
  if (!lesson) notFound();
  const t = await getTranslations('lesson');
  const [Content, components] = await Promise.all([
    compileMdx(lesson.body),
    lessonComponents(lesson),
  ]);
  const all = listLessons(locale);
  const index = all.findIndex((l) => l.slug === slug);

  return (
    <LessonLayout
      lesson={lesson}
      chapter={all.map((l) => ({ slug: l.slug, order: l.order, title: l.title }))}
      prev={all[index - 1]}
      next={all[index + 1]}
    >
      <p className="text-sm font-medium text-brand-600">{t('lessonN', { n: lesson.order })}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
        {lesson.title}
      </h1>
      <div className="prose prose-slate mt-6 max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-code:before:content-none prose-code:after:content-none prose-pre:bg-transparent prose-pre:p-0">
        <Content components={components} />
      </div>
    </LessonLayout>
  );
}
