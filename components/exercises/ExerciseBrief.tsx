import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { BROKER_LABELS } from '@/server/protocol/brokerNames';
import type { Exercise } from '@/server/exercises/load';
import CodeFiles from './CodeFiles';
import DifficultyBadge from './DifficultyBadge';
import ExerciseProgressBadge from './ExerciseProgressBadge';
import type { ExerciseSummary } from './types';

interface Props {
  exercise: Exercise;
  summary: ExerciseSummary;
  /** The statement, compiled from the exercise's Markdown. */
  statement: ReactNode;
}

const PROSE =
  'prose prose-sm prose-slate max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none prose-pre:bg-transparent prose-pre:p-0';

/** Server-rendered head of an exercise: title, meta, the statement, and how it is checked. */
export default async function ExerciseBrief({ exercise, summary, statement }: Props) {
  const t = await getTranslations('exercises');
  const list = (names: string[]) => names.join(', ');
  return (
    <>
      <Link
        href="/exercises"
        className="text-sm text-brand-600 underline-offset-2 hover:underline dark:text-brand-500"
      >
        <span aria-hidden="true">← </span>
        {t('page.back')}
      </Link>
      <p className="mt-4 text-sm font-medium text-brand-600 dark:text-brand-500">
        {t('page.exerciseN', { n: summary.order })}
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 xl:text-xl 2xl:text-2xl dark:text-white">
        {summary.title}
      </h1>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-xs">
        <span className="rounded border border-slate-200 px-1.5 py-0.5 text-slate-700 dark:border-slate-700 dark:text-slate-300">
          {BROKER_LABELS[summary.broker]}
        </span>
        <DifficultyBadge difficulty={summary.difficulty} />
        <ExerciseProgressBadge id={summary.id} />
      </div>
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        {t('page.practises')}:{' '}
        <Link
          href={`/lessons/${summary.lesson.slug}`}
          className="text-brand-600 underline underline-offset-2 dark:text-brand-500"
        >
          {summary.lesson.title}
        </Link>
      </p>
      <section aria-labelledby="statement-title" className="mt-6">
        <h2 id="statement-title" className="sr-only">
          {t('page.statement')}
        </h2>
        <div className={PROSE} data-testid="statement">
          {statement}
        </div>
      </section>
      <details className="mt-6 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
        <summary className="cursor-pointer font-semibold">{t('page.howChecked')}</summary>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          {t('page.howCheckedBody', {
            files: list(exercise.files),
            harness: list(exercise.harness.map((f) => f.name)),
            broker: BROKER_LABELS[exercise.broker],
            seconds: exercise.seconds,
          })}
        </p>
        {exercise.faultSpecs.length > 0 && (
          <>
            <p className="mt-3 font-medium">{t('page.faults')}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-600 dark:text-slate-300">
              {exercise.faultSpecs.map((f) => (
                <li key={f.text}>
                  {t(`faults.${f.kind}`, { target: f.target, seconds: f.atMs / 1000 })}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="mt-3 font-medium">{t('page.harness')}</p>
        <div className="mt-2 space-y-3">
          <CodeFiles files={exercise.harness} />
          {exercise.database && exercise.schemaSql !== undefined && (
            <CodeFiles
              files={[{ name: exercise.database.schema, source: exercise.schemaSql }]}
              lang="sql"
            />
          )}
        </div>
      </details>
    </>
  );
}
