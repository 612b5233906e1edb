// Node 20's test runner takes no globs: find the *.test.ts files under a folder and run them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const extra = process.argv.slice(3);
if (!dir) {
  console.error('usage: node scripts/run-tests.mjs <folder> [node --test options]');
  process.exit(2);
}
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => path.join(dir, f));
if (files.length === 0) {
  console.error(`no *.test.ts files under ${dir}`);
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...extra, ...files],
  {
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
