'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { BROKER_LABELS, BROKERS, type Broker } from '@/server/protocol/brokerNames';
import DifficultyBadge from './DifficultyBadge';
import ExerciseStatusBadge from './ExerciseStatusBadge';
import { statusOf } from './progress';
import { useExerciseProgress } from './progressStore';
import type { ExerciseSummary } from './types';

/** Every exercise with its broker, difficulty, lesson and this browser's status; filter by broker. */
export default function ExerciseList({ items }: { items: ExerciseSummary[] }) {
  const t = useTranslations('exercises.list');
  const progress = useExerciseProgress();
  const [broker, setBroker] = useState<Broker | 'all'>('all');
  const brokers = BROKERS.filter((b) => items.some((i) => i.broker === b));
  const visible = items.filter((i) => broker === 'all' || i.broker === broker);
  const passed = items.filter((i) => statusOf(progress[i.id]) === 'passed').length;
  const chip = (active: boolean) =>
    `rounded-md border px-3 py-1.5 text-sm ${
      active
        ? 'border-slate-900 bg-slate-900 font-medium text-white dark:border-white dark:bg-white dark:text-slate-900'
        : 'border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900'
    }`;

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 pb-4 dark:border-slate-800">
        <div role="group" aria-label={t('broker')} className="flex flex-wrap gap-2">
          {(['all', ...brokers] as const).map((b) => (
            <button
              key={b}
              type="button"
              aria-pressed={broker === b}
              onClick={() => setBroker(b)}
              className={chip(broker === b)}
              data-broker-filter={b}
            >
              {b === 'all' ? t('all') : BROKER_LABELS[b]}
            </button>
          ))}
        </div>
        <p className="ml-auto text-sm text-slate-500" data-testid="exercise-progress">
          {t('progress', { passed, total: items.length })}
        </p>
      </div>
      <p className="mt-4 text-sm text-slate-500" aria-live="polite">
        {t('showing', { n: visible.length })}
      </p>
      <ol className="mt-3 space-y-3">
        {visible.map((item) => {
          const entry = progress[item.id];
          return (
            <li
              key={item.id}
              className="relative flex gap-4 rounded-xl border border-slate-200 p-4 hover:border-brand-500 dark:border-slate-800"
              data-exercise={item.id}
            >
              <span className="font-mono text-lg text-slate-400" aria-hidden="true">
                {String(item.order).padStart(2, '0')}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2 text-xs">
                  <span className="rounded border border-slate-200 px-1.5 py-0.5 text-slate-700 dark:border-slate-700 dark:text-slate-300">
                    {BROKER_LABELS[item.broker]}
                  </span>
                  <DifficultyBadge difficulty={item.difficulty} />
                </div>
                <h2 className="mt-1.5 font-semibold">
                  {/* The whole card is the link's target; the lesson link sits above it. */}
                  <Link
                    href={`/exercises/${item.id}`}
                    className="after:absolute after:inset-0 after:rounded-xl"
                    aria-label={t('open', { n: item.order, title: item.title })}
                  >
                    {item.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {t('practises')}:{' '}
                  <Link
                    href={`/lessons/${item.lesson.slug}`}
                    className="relative z-10 text-brand-600 underline underline-offset-2 dark:text-brand-500"
                  >
                    {item.lesson.title}
                  </Link>
                </p>
              </div>
              <ExerciseStatusBadge
                status={statusOf(entry)}
                solutionViewed={entry?.solutionViewed}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
