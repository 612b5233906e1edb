import { useTranslations } from 'next-intl';
import type { ExerciseSummary } from './types';

const STYLE = {
  easy: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300',
  medium: 'bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300',
  hard: 'bg-rose-100 text-rose-800 dark:bg-rose-900/40 dark:text-rose-300',
};

export default function DifficultyBadge({
  difficulty,
}: {
  difficulty: ExerciseSummary['difficulty'];
}) {
  const t = useTranslations('exercises.difficulty');
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[difficulty]}`}>
      {t(difficulty)}
    </span>
  );
}
