import type { Broker } from '@/server/protocol/brokers';
import type { ScriptFile } from '@/server/protocol/run';

/** An exercise as the list shows it, in the page's locale. */
export interface ExerciseSummary {
  id: string;
  order: number;
  title: string;
  broker: Broker;
  difficulty: 'easy' | 'medium' | 'hard';
  lesson: { slug: string; title: string };
}

/** What the exercise page's client side needs (the texts arrive already rendered). */
export interface ExerciseDetail extends ExerciseSummary {
  /** Wall-time limit of the grading run. */
  seconds: number;
  /** The learner's files as they start, in tab order. */
  start: ScriptFile[];
  /** The full reference solution (starter with the solution's changes). */
  solution: ScriptFile[];
}
