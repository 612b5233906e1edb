'use client';

import { useTranslations } from 'next-intl';
import type { ExerciseStatus } from './progress';

const STYLE: Record<ExerciseStatus, string> = {
  new: 'border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400',
  attempted:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200',
  passed:
    'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300',
};
const ICON: Record<ExerciseStatus, string> = { new: '○', attempted: '◐', passed: '✓' };

/** Not started / attempted / passed, as a word and a symbol (never colour alone). */
export default function ExerciseStatusBadge({
  status,
  solutionViewed = false,
}: {
  status: ExerciseStatus;
  solutionViewed?: boolean;
}) {
  const t = useTranslations('exercises.status');
  return (
    <span
      className={`inline-flex shrink-0 self-start items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}
      data-status={status}
      data-testid="exercise-status"
    >
      <span aria-hidden="true">{ICON[status]}</span>
      {t(status)}
      {solutionViewed && <span className="font-normal opacity-80">· {t('solutionViewed')}</span>}
    </span>
  );
}
