import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root holding exercises/ and lessons/: found from this file (CLI and tests
 * from any working directory), else the working directory (bundled server code, where the
 * file's own URL is not its source path).
 */
function contentRoot(): string {
  const fromFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  for (const root of [fromFile, process.cwd()]) {
    if (fs.existsSync(path.join(root, 'exercises'))) return root;
  }
  return process.cwd();
}

const ROOT = contentRoot();
export const EXERCISES_DIR = process.env.MQLAB_EXERCISES_DIR ?? path.join(ROOT, 'exercises');
export const LESSONS_ROOT = path.join(ROOT, 'lessons');

/** `03-rabbitmq-retry-dlq` → order 3, id `rabbitmq-retry-dlq`. */
export function parseExerciseFolder(name: string): { order: number; id: string } | undefined {
  const m = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(name);
  return m ? { order: Number(m[1]), id: m[2]! } : undefined;
}

/** Slugs of the lesson folders (`05-rabbitmq-consuming` → `rabbitmq-consuming`). */
export function lessonSlugs(): Set<string> {
  if (!fs.existsSync(LESSONS_ROOT)) return new Set();
  return new Set(
    fs
      .readdirSync(LESSONS_ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => {
        const m = /^\d{2}-([a-z0-9-]+)$/.exec(d.name);
        return m ? [m[1]!] : [];
      }),
  );
}
