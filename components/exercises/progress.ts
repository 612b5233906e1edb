import { z } from 'zod';
import type { ExerciseReport } from '@/server/protocol/exercise';

/** What the list and the page show: derived, never stored. */
export type ExerciseStatus = 'new' | 'attempted' | 'passed';

/** One exercise's progress in this browser. No entry means "not started". */
export interface ExerciseProgress {
  /** Gradings that came back with a report. */
  checks: number;
  /** First time a check passed; passing is for good, later failures do not undo it. */
  passedAt?: number;
  /** How many hints are revealed (they are revealed in order). */
  hints: number;
  /** The reference solution was opened before the exercise was passed. */
  solutionViewed: boolean;
  /** The latest report, so a reload shows where the learner stopped. */
  last?: { at: number; report: ExerciseReport };
}

export type ProgressMap = Readonly<Record<string, ExerciseProgress>>;

const localized = z.object({ zh: z.string(), en: z.string() });
const reportSchema = z.object({
  exercise: z.string(),
  passed: z.boolean(),
  checks: z.array(
    z.object({ id: z.string(), title: localized, passed: z.boolean(), message: localized }),
  ),
  durationMs: z.number(),
  runEnd: z.string(),
});
const progressSchema = z.object({
  checks: z.int().nonnegative(),
  passedAt: z.number().optional(),
  hints: z.int().nonnegative(),
  solutionViewed: z.boolean(),
  last: z.object({ at: z.number(), report: reportSchema }).optional(),
});

export const EMPTY_PROGRESS: ExerciseProgress = { checks: 0, hints: 0, solutionViewed: false };

export function statusOf(entry: ExerciseProgress | undefined): ExerciseStatus {
  if (!entry) return 'new';
  if (entry.passedAt !== undefined) return 'passed';
  return entry.checks > 0 ? 'attempted' : 'new';
}

/** A graded check: counted, remembered as the last report, and a pass is kept for good. */
export function recordReport(
  entry: ExerciseProgress | undefined,
  report: ExerciseReport,
  now: number,
): ExerciseProgress {
  const base = entry ?? EMPTY_PROGRESS;
  const passedAt = base.passedAt ?? (report.passed ? now : undefined);
  return {
    ...base,
    checks: base.checks + 1,
    ...(passedAt !== undefined ? { passedAt } : {}),
    last: { at: now, report },
  };
}

/** One more hint, never past the last one. */
export function revealHint(entry: ExerciseProgress | undefined, total: number): ExerciseProgress {
  const base = entry ?? EMPTY_PROGRESS;
  return { ...base, hints: Math.min(total, base.hints + 1) };
}

/** Opening the solution counts only before passing: afterwards it is the reward, not help. */
export function viewSolution(entry: ExerciseProgress | undefined): ExerciseProgress {
  const base = entry ?? EMPTY_PROGRESS;
  return base.passedAt !== undefined ? base : { ...base, solutionViewed: true };
}

/** Reads stored progress; anything malformed is dropped entry by entry, never the whole map. */
export function parseProgress(raw: string | null): Record<string, ExerciseProgress> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '{}');
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const out: Record<string, ExerciseProgress> = {};
  for (const [id, value] of Object.entries(parsed)) {
    const entry = progressSchema.safeParse(value);
    if (entry.success) out[id] = entry.data;
  }
  return out;
}
