'use client';

import ExerciseStatusBadge from './ExerciseStatusBadge';
import { statusOf } from './progress';
import { useExerciseProgress } from './progressStore';

/** This browser's status of one exercise. */
export default function ExerciseProgressBadge({ id }: { id: string }) {
  const entry = useExerciseProgress()[id];
  return <ExerciseStatusBadge status={statusOf(entry)} solutionViewed={entry?.solutionViewed} />;
}
