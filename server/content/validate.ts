import { readComparison } from './comparison';
import { listExampleDirs, readExample } from './examples';
import { listLessonEntries, readLesson, type LessonSource } from './lessons';
import { listQuestionFiles, listQuestions } from './questions';
import { LOCALES } from './schema';

/** The only components a lesson may use; anything else is a typo or an unreviewed import. */
export const MDX_COMPONENTS = [
  'Intro',
  'YouWillLearn',
  'Pitfall',
  'DeepDive',
  'Note',
  'Compare',
  'Wrong',
  'Right',
  'Recap',
  'SelfCheck',
  'Check',
  'Example',
  'BrokerComparison',
] as const;

export const MIN_QUESTIONS = 40;

function tryOr<T>(problems: string[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    problems.push((e as Error).message);
    return undefined;
  }
}

function checkLessonBody(lesson: LessonSource, problems: string[]) {
  const where = `${lesson.dir}/${lesson.locale}.mdx`;
  const prose = lesson.body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  for (const m of prose.matchAll(/<([A-Z]\w*)/g)) {
    if (!(MDX_COMPONENTS as readonly string[]).includes(m[1]!))
      problems.push(`${where}: unknown component <${m[1]}>`);
  }
  if (/^(import|export)\s/m.test(prose))
    problems.push(`${where}: import/export is not allowed in lessons`);
  for (const h of lesson.headings)
    if (!h.id) problems.push(`${where}: heading "${h.text}" has no {/*id*/}`);
  const ids = lesson.headings.map((h) => h.id);
  const dup = ids.find((id, i) => id && ids.indexOf(id) !== i);
  if (dup) problems.push(`${where}: heading id "${dup}" is used twice`);
}

/** Every problem in lessons/, as sentences naming the file. Empty means the content is sound. */
export function validateContent(): string[] {
  const problems: string[] = [];
  const entries = listLessonEntries();
  if (entries.length === 0) problems.push('lessons/: no lesson folders (NN-slug)');
  for (const entry of entries) {
    const [zh, en] = LOCALES.map((l) => tryOr(problems, () => readLesson(entry, l)));
    if (!zh || !en) continue;
    checkLessonBody(zh, problems);
    checkLessonBody(en, problems);
    const idsOf = (l: LessonSource) => l.headings.map((h) => `${h.depth}:${h.id}`).join(' ');
    if (idsOf(zh) !== idsOf(en))
      problems.push(
        `${entry.dir}: zh and en headings differ — zh [${idsOf(zh)}] vs en [${idsOf(en)}]`,
      );
    if (zh.exampleNames.join() !== en.exampleNames.join())
      problems.push(`${entry.dir}: zh and en embed different examples`);
    if (zh.broker !== en.broker) problems.push(`${entry.dir}: zh and en name different brokers`);
    const folders = listExampleDirs(entry.dir);
    for (const name of new Set([...zh.exampleNames, ...folders])) {
      if (!zh.exampleNames.includes(name))
        problems.push(`${entry.dir}/examples/${name}: not embedded by the lesson`);
      tryOr(problems, () => readExample(entry.dir, entry.slug, name));
    }
    if (/<BrokerComparison\b/.test(zh.body) || /<BrokerComparison\b/.test(en.body))
      tryOr(problems, () => readComparison(entry.dir));
  }
  checkQuestions(problems);
  return problems;
}

function checkQuestions(problems: string[]) {
  const [zh, en] = LOCALES.map((l) => tryOr(problems, () => listQuestions(l)) ?? []);
  for (const l of LOCALES) {
    const n = listQuestionFiles(l).length;
    if (n < MIN_QUESTIONS)
      problems.push(`lessons/questions: ${n} ${l} questions, need at least ${MIN_QUESTIONS}`);
  }
  const enById = new Map(en!.map((q) => [q.id, q]));
  for (const q of zh!) {
    const other = enById.get(q.id);
    if (!other) problems.push(`lessons/questions: ${q.id} has zh but no en`);
    else if (
      other.topic !== q.topic ||
      other.difficulty !== q.difficulty ||
      other.brokers.join() !== q.brokers.join()
    )
      problems.push(`lessons/questions: ${q.id} has different tags in zh and en`);
    enById.delete(q.id);
  }
  for (const id of enById.keys()) problems.push(`lessons/questions: ${id} has en but no zh`);
}
