import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOCALES, type ContentLocale } from '../content/schema';
import { MAX_SCRIPTS, type ScriptFile } from '../protocol/run';
import type { ExerciseCheck } from './checkTypes';
import { applyOverlay, readScripts, sameCode, subfolders } from './exerciseFiles';
import { faultTargetsScript, parseFault, type FaultSpec } from './faultSpec';
import { parseExerciseMarkdown, type ExerciseText } from './markdown';
import { EXERCISES_DIR, lessonSlugs, parseExerciseFolder } from './paths';
import { exerciseMetaSchema, type ExerciseMeta } from './schema';

export interface WrongSolution {
  name: string;
  /** The check this wrong solution must fail. */
  failsOn: string;
  /** Overlay over the starter. */
  files: ScriptFile[];
}

export interface Exercise extends ExerciseMeta {
  id: string;
  order: number;
  dir: string;
  faultSpecs: FaultSpec[];
  text: Record<ContentLocale, ExerciseText>;
  /** What the learner starts from: exactly `files`, in that order. */
  start: ScriptFile[];
  /** The reference solution as an overlay (changed files only); see solutionFiles(). */
  solution: ScriptFile[];
  /** The exercise's own scripts, run beside the learner's. */
  harness: ScriptFile[];
  wrongSolutions: WrongSolution[];
  schemaSql: string | undefined;
  checksFile: string;
}

/** The full reference solution: the starter with the solution overlay. */
export function solutionFiles(exercise: Exercise): ScriptFile[] {
  return applyOverlay(exercise.start, exercise.solution);
}

/** Exercise folders (`NN-id`) in order. */
export function listExerciseFolders(): { order: number; id: string; dir: string }[] {
  return subfolders(EXERCISES_DIR)
    .flatMap((name) => {
      const parsed = parseExerciseFolder(name);
      return parsed ? [{ ...parsed, dir: path.join(EXERCISES_DIR, name) }] : [];
    })
    .sort((a, b) => a.order - b.order);
}

/** Every exercise, in order; throws on the first malformed one. */
export function listExercises(): Exercise[] {
  return listExerciseFolders().map((f) => readExercise(f.dir));
}

export function getExercise(id: string): Exercise | undefined {
  const folder = listExerciseFolders().find((f) => f.id === id);
  return folder && readExercise(folder.dir);
}

/** Reads and checks one exercise folder; throws a sentence naming the file and the problem. */
export function readExercise(dir: string): Exercise {
  const folder = parseExerciseFolder(path.basename(dir));
  if (!folder) throw new Error(`${dir}: folder names look like 03-rabbitmq-retry-dlq`);
  const meta = readMeta(dir);
  const where = (f: string) => path.join(dir, f);
  if (!lessonSlugs().has(meta.lesson))
    throw new Error(`${where('exercise.json')}: unknown lesson "${meta.lesson}"`);
  const text = Object.fromEntries(
    LOCALES.map((locale) => {
      const file = where(`${locale}.md`);
      if (!fs.existsSync(file))
        throw new Error(`${file}: missing (every exercise needs ${LOCALES.join(' and ')})`);
      return [locale, parseExerciseMarkdown(file, locale, fs.readFileSync(file, 'utf8'))];
    }),
  ) as Record<ContentLocale, ExerciseText>;
  if (text.zh.hints.length !== text.en.hints.length) {
    throw new Error(
      `${dir}: zh.md has ${text.zh.hints.length} hints, en.md ${text.en.hints.length}`,
    );
  }
  const start = readScripts(where('start'));
  const startNames = start.map((f) => f.name);
  if ([...startNames].sort().join() !== [...meta.files].sort().join()) {
    throw new Error(
      `${where('start')}: holds ${startNames.join(', ') || 'nothing'}, exercise.json "files" says ${meta.files.join(', ')}`,
    );
  }
  const ordered = meta.files.map((name) => start.find((f) => f.name === name)!);
  const solution = readOverlay(where('solution'), ordered, 'the reference solution');
  const harness = readScripts(where('harness'));
  const clash = harness.find((f) => meta.files.includes(f.name));
  if (clash) throw new Error(`${where('harness')}: ${clash.name} is also a learner file`);
  if (meta.files.length + harness.length > MAX_SCRIPTS) {
    throw new Error(
      `${dir}: ${meta.files.length + harness.length} scripts, a run takes at most ${MAX_SCRIPTS}`,
    );
  }
  const wrongSolutions = readWrongSolutions(dir, meta, ordered, solution);
  const faultSpecs = meta.faults.map((f) => checkFault(where('exercise.json'), f, meta, harness));
  const schemaSql = meta.database ? readRequired(where(meta.database.schema)) : undefined;
  const checksFile = where('checks.ts');
  if (!fs.existsSync(checksFile)) throw new Error(`${checksFile}: missing`);
  return {
    ...meta,
    id: folder.id,
    order: folder.order,
    dir,
    faultSpecs,
    text,
    start: ordered,
    solution,
    harness,
    wrongSolutions,
    schemaSql,
    checksFile,
  };
}

function readMeta(dir: string): ExerciseMeta {
  const file = path.join(dir, 'exercise.json');
  if (!fs.existsSync(file)) throw new Error(`${file}: missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message})`);
  }
  const parsed = exerciseMetaSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** An overlay: only learner files, each different from the starter, and not all-identical. */
function readOverlay(dir: string, start: ScriptFile[], what: string): ScriptFile[] {
  const overlay = readScripts(dir);
  if (overlay.length === 0) throw new Error(`${dir}: ${what} has no .ts files`);
  for (const file of overlay) {
    const base = start.find((f) => f.name === file.name);
    if (!base)
      throw new Error(
        `${path.join(dir, file.name)}: not one of the learner's files (${start.map((f) => f.name).join(', ')})`,
      );
    if (sameCode(base.source, file.source)) {
      throw new Error(
        `${path.join(dir, file.name)}: identical to the starter — leave it out of the overlay`,
      );
    }
  }
  return overlay;
}

function readWrongSolutions(
  dir: string,
  meta: ExerciseMeta,
  start: ScriptFile[],
  solution: ScriptFile[],
): WrongSolution[] {
  const root = path.join(dir, 'wrong');
  const folders = subfolders(root);
  const declared = Object.keys(meta.wrong);
  for (const name of folders) {
    if (!(name in meta.wrong))
      throw new Error(
        `${path.join(root, name)}: no entry in exercise.json "wrong" naming the check it fails`,
      );
  }
  for (const name of declared) {
    if (!folders.includes(name))
      throw new Error(
        `${path.join(dir, 'exercise.json')}: "wrong" names ${name}, but wrong/${name}/ is missing`,
      );
  }
  const reference = applyOverlay(start, solution);
  return folders.map((name) => {
    const files = readOverlay(path.join(root, name), start, `wrong solution ${name}`);
    const merged = applyOverlay(start, files);
    if (merged.every((f, i) => sameCode(f.source, reference[i]!.source))) {
      throw new Error(`${path.join(root, name)}: identical to the reference solution`);
    }
    return { name, failsOn: meta.wrong[name]!, files };
  });
}

function checkFault(
  file: string,
  text: string,
  meta: ExerciseMeta,
  harness: ScriptFile[],
): FaultSpec {
  let fault: FaultSpec;
  try {
    fault = parseFault(text);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  if (fault.atMs >= meta.seconds * 1000)
    throw new Error(`${file}: fault "${text}" comes after the ${meta.seconds} s limit`);
  const scripts = [...meta.files, ...harness.map((f) => f.name)];
  if (faultTargetsScript(fault) && !scripts.includes(fault.target)) {
    throw new Error(
      `${file}: fault "${text}" targets ${fault.target}, which is not one of the run's scripts (${scripts.join(', ')})`,
    );
  }
  return fault;
}

function readRequired(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`${file}: missing`);
  return fs.readFileSync(file, 'utf8');
}

/** The exercise's grading rules (checks.ts, loaded on demand: pages listing exercises never need them). */
export async function loadChecks(exercise: Exercise): Promise<ExerciseCheck[]> {
  const mod = (await import(pathToFileURL(exercise.checksFile).href)) as { checks?: unknown };
  const checks = mod.checks;
  if (!Array.isArray(checks) || checks.length === 0)
    throw new Error(`${exercise.checksFile}: must export a non-empty "checks" array`);
  return checks as ExerciseCheck[];
}
