import type { Readable } from 'node:stream';
import { MAX_LOG_LINE } from '../protocol/trace';
import { LineSplitter } from './lineSplitter';

/** Console bytes the whole run may print; shared by all its scripts. */
export class OutputBudget {
  used = 0;
  constructor(
    readonly limit: number,
    private readonly onExceeded: () => void,
  ) {}

  spend(bytes: number): boolean {
    this.used += bytes;
    if (this.used <= this.limit) return true;
    this.onExceeded();
    return false;
  }
}

export type LogSink = (stream: 'stdout' | 'stderr', text: string, truncated: boolean) => void;

/**
 * Turns a script's stdout/stderr into clean lines: ANSI and control characters removed,
 * long lines cut, and nothing more once the run's output budget is spent (the run is then
 * ended by the budget's owner — a flood does not stop by itself when nobody reads).
 */
export function captureOutput(
  stream: Readable,
  name: 'stdout' | 'stderr',
  budget: OutputBudget,
  sink: LogSink,
) {
  const lines = new LineSplitter(MAX_LOG_LINE * 4);
  const emit = (list: { line: string; truncated: boolean }[]) => {
    for (const { line, truncated } of list) {
      const text = cleanLine(line);
      if (isRuntimeNoise(text)) continue;
      const cut = text.length > MAX_LOG_LINE;
      sink(name, cut ? text.slice(0, MAX_LOG_LINE) : text, truncated || cut);
    }
  };
  stream.on('data', (chunk: Buffer) => {
    if (!budget.spend(chunk.length)) return;
    emit(lines.push(chunk));
  });
  stream.on('end', () => emit(lines.flush()));
  stream.on('error', () => {});
}

const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** Also shows the learner's files as `consumer.ts:3:5`, not as their path inside the sandbox. */
export function cleanLine(line: string): string {
  return line
    .replace(ANSI, '')
    .replace(CONTROL, '')
    .replace(/\r$/, '')
    .replaceAll('file:///sandbox/scripts/', '');
}

/**
 * Warnings Deno's Node compatibility layer prints about the client libraries (punycode
 * deprecation; kafkajs' negative timer), not about the learner's code.
 */
function isRuntimeNoise(text: string): boolean {
  return /^\(node:\d+\) \[DEP0040\]|^\(Use `node --trace-deprecation|^\(node:\d+\) TimeoutNegativeWarning|^Timeout duration was set to 1\.$/.test(
    text,
  );
}
