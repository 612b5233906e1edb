import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import CodeFiles from '@/components/exercises/CodeFiles';
import ExerciseBrief from '@/components/exercises/ExerciseBrief';
import ExerciseWorkbench from '@/components/exercises/ExerciseWorkbench';
import { exerciseDetail } from '@/components/exercises/exerciseData';
import { isLocale } from '@/i18n/routing';
import { compileMdx } from '@/server/content/mdx';
import { getExercise, listExercises } from '@/server/exercises/load';

interface Props {
  params: Promise<{ locale: string; id: string }>;
}

export function generateStaticParams() {
  // The loader throws on malformed exercise content, failing the build with the file named.
  return listExercises().map((e) => ({ id: e.id }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const exercise = isLocale(locale) ? getExercise(id) : undefined;
  return exercise ? { title: exercise.title[locale as 'zh' | 'en'] } : {};
}

/** One exercise: the statement and hints compiled here, the editor and the check on the client. */
export default async function ExercisePage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const exercise = getExercise(id);
  if (!exercise) notFound();
  const detail = exerciseDetail(exercise, locale);
  const text = exercise.text[locale];
  const [Statement, ...Hints] = await Promise.all(
    [text.statement, ...text.hints].map((md) => compileMdx(md, 'md')),
  );
  if (!Statement) notFound();
  const t = await getTranslations('exercises.solution');
  const messages = await getMessages();
  return (
    // The root layout hands the client only the chrome's strings; this tree also needs the
    // playground's (its live view, panels and editor are reused as they are).
    <NextIntlClientProvider
      locale={locale}
      messages={{ exercises: messages.exercises, playground: messages.playground }}
    >
      <ExerciseWorkbench
        locale={locale}
        exercise={detail}
        brief={<ExerciseBrief exercise={exercise} summary={detail} statement={<Statement />} />}
        hints={Hints.map((Hint, i) => (
          <Hint key={i} />
        ))}
        solutionCode={
          <CodeFiles files={exercise.solution} caption={(name) => t('file', { name })} />
        }
      />
    </NextIntlClientProvider>
  );
}
