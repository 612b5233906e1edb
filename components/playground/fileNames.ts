import { MAX_SCRIPTS, SCRIPT_NAME } from '@/server/protocol/run';
import type { PlaygroundFile } from './workspace';

/**
 * File names follow the runtime's rule (server/protocol/run.ts), since a name the runner refuses
 * is useless here: letters, digits, `-` and `_`, then `.ts`. That is stricter than `[\w.-]+\.ts`
 * (no inner dots) because the name becomes the script's identity in traces.
 */
export type FileNameProblem = 'invalidName' | 'duplicateName' | 'tooMany';

/** Adds `.ts` when the learner typed a bare name, and trims spaces. */
export function normalizeFileName(input: string): string {
  const name = input.trim();
  return name.endsWith('.ts') ? name : `${name}.ts`;
}

/** Why `name` cannot be used for a new file (or as the new name of `renaming`), if it cannot. */
export function checkFileName(
  name: string,
  files: PlaygroundFile[],
  renaming?: string,
): FileNameProblem | undefined {
  if (!SCRIPT_NAME.test(name)) return 'invalidName';
  if (files.some((f) => f.name === name && f.name !== renaming)) return 'duplicateName';
  if (renaming === undefined && files.length >= MAX_SCRIPTS) return 'tooMany';
  return undefined;
}

/** `consumer.ts`, then `consumer-2.ts`, `consumer-3.ts`… whichever is free first. */
export function freeFileName(base: string, files: PlaygroundFile[]): string {
  const taken = new Set(files.map((f) => f.name));
  if (!taken.has(`${base}.ts`)) return `${base}.ts`;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}.ts`)) return `${base}-${i}.ts`;
}

export { MAX_SCRIPTS };
