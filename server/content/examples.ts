import fs from 'node:fs';
import path from 'node:path';
import { exampleMetaSchema, type ExampleMeta } from './schema';

export interface ExampleFile {
  name: string;
  source: string;
}

export interface Example extends ExampleMeta {
  /** `<lesson-slug>/<example-name>`: the id the playground opens. */
  id: string;
  name: string;
  dir: string;
  files: ExampleFile[];
}

/** Reads `examples/<name>/` of a lesson folder; throws a message naming what is wrong. */
export function readExample(lessonDir: string, lessonSlug: string, name: string): Example {
  const dir = path.join(lessonDir, 'examples', name);
  const metaFile = path.join(dir, 'example.json');
  if (!fs.existsSync(metaFile))
    throw new Error(`${metaFile}: missing (Example "${name}" has no folder or example.json)`);
  const parsed = exampleMetaSchema.safeParse(JSON.parse(fs.readFileSync(metaFile, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${metaFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ name: f, source: fs.readFileSync(path.join(dir, f), 'utf8') }));
  if (files.length === 0) throw new Error(`${dir}: no .ts files`);
  if (!files.some((f) => f.name === parsed.data.open))
    throw new Error(`${metaFile}: "open" names ${parsed.data.open}, which is not in the folder`);
  return { ...parsed.data, id: `${lessonSlug}/${name}`, name, dir, files };
}

/** Every example folder of every lesson, whether or not a page embeds it. */
export function listExampleDirs(lessonDir: string): string[] {
  const root = path.join(lessonDir, 'examples');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
