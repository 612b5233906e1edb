import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getExercise } from '../exercises/load';
import { SubmissionError, gradeExercise, type GradeReport } from '../exercises/grade';
import { UsageError, type Command } from './command';

const USAGE = `Usage:
  mqlab grade <exercise-id> <dir> [--json] [--locale zh|en]

Grades the .ts files in <dir> (named like the exercise's starter files; a file left out
counts as the unchanged starter) by running them with the exercise's own scripts and
faults against the real broker, then judging what happened to the messages.

  --json       print { "exercise", "passed", "checks": [ { "id", "title", "passed", "message" } ], "durationMs" }
               (title and message carry both locales: { "zh", "en" })
  --locale     language of the text report (default en)

Exit code 0 whether or not the submission passed; non-zero only if grading could not run.`;

export const gradeCommand: Command = {
  name: 'grade',
  summary: 'Grade a solution of an exercise against the real broker',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        locale: { type: 'string', default: 'en' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const [id, dir, ...rest] = positionals;
    if (!id || !dir || rest.length > 0) throw new UsageError('expected <exercise-id> <dir>');
    if (values.locale !== 'en' && values.locale !== 'zh')
      throw new UsageError('--locale is zh or en');
    const exercise = getExercise(id);
    if (!exercise) throw new UsageError(`no exercise "${id}" (see: mqlab exercises)`);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
      throw new UsageError(`${dir} is not a folder`);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((name) => ({ name, source: fs.readFileSync(path.join(dir, name), 'utf8') }));
    let report: GradeReport;
    try {
      report = await gradeExercise(exercise, files);
    } catch (err) {
      if (err instanceof SubmissionError) throw new UsageError(err.message);
      throw err;
    }
    if (values.json) {
      const { exercise: name, passed, checks, durationMs } = report;
      const shown = checks.map(({ id: checkId, title, passed: ok, message }) => ({
        id: checkId,
        title,
        passed: ok,
        message,
      }));
      console.log(JSON.stringify({ exercise: name, passed, checks: shown, durationMs }, null, 2));
    } else {
      printReport(report, values.locale);
    }
    return 0;
  },
};

function printReport(report: GradeReport, locale: 'zh' | 'en'): void {
  const ok = report.checks.filter((c) => c.passed).length;
  const verdict = report.passed ? 'PASSED' : 'FAILED';
  console.log(
    `${report.exercise}: ${verdict} — ${ok} of ${report.checks.length} checks passed in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  for (const check of report.checks) {
    console.log(`  ${check.passed ? '✓' : '✗'} ${check.id}  ${check.title[locale]}`);
    if (!check.passed) console.log(check.message[locale].replace(/^/gm, '      '));
  }
}
