import { scriptsFinishCheck } from './builtinChecks';
import { exerciseCheckIdSchema } from './schema';
import { listExerciseFolders, loadChecks, readExercise, type Exercise } from './load';

export const MIN_EXERCISES = 12;

/** Every problem in exercises/, as sentences naming the file. Empty means the content is sound. */
export async function validateExercises(): Promise<string[]> {
  const problems: string[] = [];
  const folders = listExerciseFolders();
  if (folders.length < MIN_EXERCISES)
    problems.push(`exercises/: ${folders.length} exercises, need at least ${MIN_EXERCISES}`);
  const seen = new Map<string, string>();
  for (const folder of folders) {
    for (const [key, what] of [
      [folder.id, 'id'],
      [String(folder.order), 'number'],
    ] as const) {
      const other = seen.get(`${what}:${key}`);
      if (other) problems.push(`${folder.dir}: same ${what} as ${other}`);
      seen.set(`${what}:${key}`, folder.dir);
    }
    let exercise: Exercise;
    try {
      exercise = readExercise(folder.dir);
    } catch (err) {
      problems.push((err as Error).message);
      continue;
    }
    problems.push(...(await checkRules(exercise)));
  }
  return problems;
}

async function checkRules(exercise: Exercise): Promise<string[]> {
  const problems: string[] = [];
  let checks;
  try {
    checks = await loadChecks(exercise);
  } catch (err) {
    return [`${exercise.checksFile}: ${(err as Error).message}`];
  }
  const ids = new Set<string>([scriptsFinishCheck.id]);
  for (const check of checks) {
    const where = `${exercise.checksFile}: check "${String(check?.id)}"`;
    if (!exerciseCheckIdSchema.safeParse(check?.id).success)
      problems.push(`${where}: id must be kebab-case`);
    else if (ids.has(check.id))
      problems.push(
        `${where}: id used twice (or clashes with the built-in ${scriptsFinishCheck.id})`,
      );
    if (!check?.title?.zh || !check?.title?.en)
      problems.push(`${where}: needs title.zh and title.en`);
    if (typeof check?.check !== 'function')
      problems.push(`${where}: needs a check(evidence) function`);
    ids.add(check?.id);
  }
  for (const wrong of exercise.wrongSolutions) {
    if (!ids.has(wrong.failsOn)) {
      problems.push(
        `${exercise.dir}/exercise.json: wrong solution ${wrong.name} must fail "${wrong.failsOn}", which checks.ts does not define`,
      );
    }
  }
  return problems;
}
