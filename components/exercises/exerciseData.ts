import { getLesson } from '@/server/content/lessons';
import type { ContentLocale } from '@/server/content/schema';
import { listExercises, solutionFiles, type Exercise } from '@/server/exercises/load';
import type { ExerciseDetail, ExerciseSummary } from './types';

/**
 * Server side only (reads exercises/ and lessons/ at build time): what the exercise pages
 * hand to their client components, in one locale.
 */
export function exerciseSummaries(locale: ContentLocale): ExerciseSummary[] {
  return listExercises().map((e) => summary(e, locale));
}

export function exerciseDetail(exercise: Exercise, locale: ContentLocale): ExerciseDetail {
  return {
    ...summary(exercise, locale),
    seconds: exercise.seconds,
    start: exercise.start,
    solution: solutionFiles(exercise),
  };
}

function summary(exercise: Exercise, locale: ContentLocale): ExerciseSummary {
  const lesson = getLesson(locale, exercise.lesson);
  return {
    id: exercise.id,
    order: exercise.order,
    title: exercise.title[locale],
    broker: exercise.broker,
    difficulty: exercise.difficulty,
    lesson: { slug: exercise.lesson, title: lesson?.title ?? exercise.lesson },
  };
}
