import { parseArgs } from 'node:util';
import { BROKER_LABELS } from '../protocol/brokers';
import { listExercises } from '../exercises/load';
import type { Command } from './command';

const USAGE = `Usage:
  mqlab exercises [--json]     list the exercises (id, broker, difficulty, lesson, title)

Grade one with: mqlab grade <exercise-id> <dir>`;

export const exercisesCommand: Command = {
  name: 'exercises',
  summary: 'List the auto-graded exercises',
  usage: USAGE,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const exercises = listExercises().map((e) => ({
      id: e.id,
      broker: e.broker,
      difficulty: e.difficulty,
      lesson: e.lesson,
      title: e.title,
      files: e.files,
      faults: e.faults,
    }));
    if (values.json) {
      console.log(JSON.stringify(exercises, null, 2));
      return 0;
    }
    const rows = [
      ['ID', 'BROKER', 'LEVEL', 'LESSON', 'TITLE'],
      ...exercises.map((e) => [e.id, BROKER_LABELS[e.broker], e.difficulty, e.lesson, e.title.en]),
    ];
    const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
    for (const row of rows) {
      console.log(
        row
          .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!)))
          .join('  '),
      );
    }
    return 0;
  },
};
