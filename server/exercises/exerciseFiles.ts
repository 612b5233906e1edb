import fs from 'node:fs';
import path from 'node:path';
import { SCRIPT_NAME, type ScriptFile } from '../protocol/run';

/** The `.ts` files of a folder, sorted; a missing folder is an empty list. */
export function readScripts(dir: string): ScriptFile[] {
  if (!fs.existsSync(dir)) return [];
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const name of names) {
    if (!SCRIPT_NAME.test(name))
      throw new Error(`${path.join(dir, name)}: not a valid script name (like consumer.ts)`);
  }
  return names.map((name) => ({ name, source: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** Sub-folders of a folder, sorted. */
export function subfolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The starter with an overlay's files put over it (learn.svelte.dev's app-a + app-b). */
export function applyOverlay(base: ScriptFile[], overlay: ScriptFile[]): ScriptFile[] {
  const byName = new Map(base.map((f) => [f.name, f]));
  for (const file of overlay) byName.set(file.name, file);
  return base.map((f) => byName.get(f.name)!);
}

/** Same code once whitespace is folded: an overlay file like this changes nothing. */
export function sameCode(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}
