import path from 'node:path';

/** Content lives in the repo; Next runs with the repo root as cwd. */
export const LESSONS_DIR = path.join(process.cwd(), 'lessons');
export const QUESTIONS_DIR = path.join(LESSONS_DIR, 'questions');

/** `05-rabbitmq-consuming` → order 5, slug `rabbitmq-consuming`. */
export function parseOrderedName(name: string): { order: number; slug: string } | undefined {
  const m = /^(\d{2})-([a-z0-9-]+)$/.exec(name);
  return m ? { order: Number(m[1]), slug: m[2]! } : undefined;
}
