import { runConfig } from './runConfig.ts';
import { emit } from './traceWriter.ts';

const SCRIPTS_URL = 'file:///sandbox/scripts/';

/**
 * Reports an error with its position in the learner's own file (first frame in it) and
 * returns a one-line summary such as `TypeError: x is undefined (consumer.ts:12:5)`.
 */
export function reportError(error: unknown, fatal: boolean): string {
  const err = error instanceof Error ? error : new Error(String(error));
  const stack = String(err.stack ?? '');
  const frame = firstLearnerFrame(stack);
  emit({
    type: 'error',
    message: `${err.name}: ${err.message}`,
    ...(frame ?? {}),
    stack: cleanStack(stack),
    fatal,
  });
  const where = frame ? ` (${runConfig.script}:${frame.line}:${frame.column})` : '';
  return `${err.name}: ${err.message}${where}`;
}

function firstLearnerFrame(stack: string): { line: number; column: number } | undefined {
  const own = escapeRegExp(SCRIPTS_URL + runConfig.script);
  const match = new RegExp(`${own}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]) };
}

/** Shows learner frames as `consumer.ts:12:5` and drops the runtime's internal ones. */
function cleanStack(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => !/ext:|node:internal|\/sandbox\/server\//.test(line))
    .map((line) => line.replaceAll(SCRIPTS_URL, ''))
    .slice(0, 12)
    .join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
