import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BROKERS, type Broker } from '../protocol/brokers';
import { MAX_SCRIPTS, SCRIPT_NAME } from '../protocol/run';
import type { PlaygroundSource } from '../../components/playground/workspace';
import { listExampleDirs, readExample, type ExampleFile } from './examples';
import { listLessonEntries, readLesson } from './lessons';
import { parseOrderedName } from './paths';
import type { ContentLocale } from './schema';

/** Playground templates: `templates/NN-<id>/template.json` plus the `.ts` scripts of one run. */
export const TEMPLATES_DIR = path.join(process.cwd(), 'templates');

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const templateMetaSchema = z.strictObject({
  broker: z.enum(BROKERS),
  title: localized,
  /** One or two sentences: what happens when it runs, and what to try. */
  description: localized,
  /** The file the editor shows first. */
  open: z.string().regex(SCRIPT_NAME),
});
export type TemplateMeta = z.infer<typeof templateMetaSchema>;

export interface Template extends TemplateMeta {
  /** Folder name without its `NN-` prefix, e.g. `rabbitmq-dlx-retries`. */
  id: string;
  order: number;
  files: ExampleFile[];
}

/** The template whose scripts seed "new producer" / "new consumer" files for a broker. */
export const basicTemplateId = (broker: Broker) => `${broker}-basic`;

/** Reads `templates/<folder>/`; throws a message naming the file and what is wrong. */
export function readTemplate(folder: string): Template {
  const dir = path.join(TEMPLATES_DIR, folder);
  const parsed = parseOrderedName(folder);
  if (!parsed)
    throw new Error(`${dir}: template folders are named NN-id (e.g. 04-rabbitmq-dlx-retries)`);
  const metaFile = path.join(dir, 'template.json');
  if (!fs.existsSync(metaFile)) throw new Error(`${metaFile}: missing`);
  const meta = templateMetaSchema.safeParse(JSON.parse(fs.readFileSync(metaFile, 'utf8')));
  if (!meta.success) {
    throw new Error(
      `${metaFile}: ${meta.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const names = fs
    .readdirSync(dir)
    .filter((f) => f !== 'template.json')
    .sort();
  const bad = names.find((f) => !SCRIPT_NAME.test(f));
  if (bad)
    throw new Error(
      `${dir}/${bad}: only template.json and scripts named like consumer.ts belong here`,
    );
  if (names.length === 0) throw new Error(`${dir}: no .ts scripts`);
  if (names.length > MAX_SCRIPTS)
    throw new Error(`${dir}: ${names.length} scripts, a run takes at most ${MAX_SCRIPTS}`);
  if (!names.includes(meta.data.open))
    throw new Error(`${metaFile}: "open" names ${meta.data.open}, which is not in the folder`);
  const files = names.map((name) => ({
    name,
    source: fs.readFileSync(path.join(dir, name), 'utf8'),
  }));
  return { ...meta.data, id: parsed.slug, order: parsed.order, files };
}

/** Every template in order, checked as a set (unique ids and orders, a basic template per broker). */
export function readTemplates(): Template[] {
  const root = TEMPLATES_DIR;
  const templates = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readTemplate(d.name))
    .sort((a, b) => a.order - b.order);
  for (const key of ['id', 'order'] as const) {
    const seen = new Set<string | number>();
    for (const t of templates) {
      if (seen.has(t[key])) throw new Error(`${root}: two templates share the ${key} ${t[key]}`);
      seen.add(t[key]);
    }
  }
  for (const broker of BROKERS) {
    const basic = templates.find((t) => t.id === basicTemplateId(broker));
    if (!basic || basic.broker !== broker)
      throw new Error(`${root}: no ${basicTemplateId(broker)} template for ${broker}`);
    for (const role of ['producer.ts', 'consumer.ts']) {
      if (!basic.files.some((f) => f.name === role))
        throw new Error(`${root}: ${basic.id} needs a ${role}`);
    }
  }
  return templates;
}

let cache: Template[] | undefined;

/** All templates; cached in production, re-read in dev so edits show up. */
export function listTemplates(): Template[] {
  if (cache && process.env.NODE_ENV === 'production') return cache;
  cache = readTemplates();
  return cache;
}

export function getTemplate(id: string): Template | undefined {
  return listTemplates().find((t) => t.id === id);
}

/** What the playground page hands its client: one template or lesson example, in one locale. */
export function templateSource(template: Template, locale: ContentLocale): PlaygroundSource {
  return {
    kind: 'template',
    id: template.id,
    broker: template.broker,
    title: template.title[locale],
    description: template.description[locale],
    open: template.open,
    files: template.files,
  };
}

/**
 * A lesson example by its playground id `<lesson-slug>/<example-name>`, or undefined when there
 * is none. The id comes from the URL, so it is matched against real folders, never joined blindly.
 */
export function exampleSource(id: string, locale: ContentLocale): PlaygroundSource | undefined {
  const [slug, name, ...rest] = id.split('/');
  if (!slug || !name || rest.length > 0) return undefined;
  const entry = listLessonEntries().find((e) => e.slug === slug);
  if (!entry || !listExampleDirs(entry.dir).includes(name)) return undefined;
  const example = readExample(entry.dir, slug, name);
  let lessonTitle = slug;
  try {
    lessonTitle = readLesson(entry, locale).title;
  } catch {
    // A lesson still being written has examples before its text; the link back still works.
  }
  return {
    kind: 'example',
    id: example.id,
    broker: example.broker,
    title: example.title[locale],
    open: example.open,
    files: example.files,
    lesson: { slug, title: lessonTitle },
  };
}
