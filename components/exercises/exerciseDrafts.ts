import { z } from 'zod';
import { scriptFileSchema, type ScriptFile } from '@/server/protocol/run';

/** The learner's files for one exercise, in this browser only. */
const draftSchema = z.object({ savedAt: z.number(), files: z.array(scriptFileSchema) });

export interface ExerciseDraft {
  savedAt: number;
  files: ScriptFile[];
}

export function exerciseDraftKey(exerciseId: string): string {
  return `mqlab:exercise-draft:v1:${exerciseId}`;
}

/**
 * The saved draft in the starter's file order, or undefined when there is none or it no
 * longer fits the exercise (other file names: the exercise changed); such a draft is dropped.
 */
export function loadExerciseDraft(
  storage: Storage,
  exerciseId: string,
  starter: readonly ScriptFile[],
): ExerciseDraft | undefined {
  const key = exerciseDraftKey(exerciseId);
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    if (parsed.success) {
      const byName = new Map(parsed.data.files.map((f) => [f.name, f.source]));
      const fits = byName.size === starter.length && starter.every((f) => byName.has(f.name));
      if (fits) {
        const files = starter.map((f) => ({ name: f.name, source: byName.get(f.name)! }));
        return { savedAt: parsed.data.savedAt, files };
      }
    }
  } catch {
    // unreadable JSON is as good as no draft
  }
  storage.removeItem(key);
  return undefined;
}

/** Saves the files; files equal to the starter are no draft at all (nothing to restore). */
export function saveExerciseDraft(
  storage: Storage,
  exerciseId: string,
  starter: readonly ScriptFile[],
  files: readonly ScriptFile[],
  now = Date.now(),
): void {
  const key = exerciseDraftKey(exerciseId);
  try {
    if (sameFiles(starter, files)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ savedAt: now, files }));
  } catch {
    // quota: only the draft is lost, never the page
  }
}

export function sameFiles(a: readonly ScriptFile[], b: readonly ScriptFile[]): boolean {
  return (
    a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.source === b[i].source)
  );
}
