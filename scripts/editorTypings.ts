// Collects the declaration files the playground editor needs (the four client libraries and the
// parts of @types/node they reference) into one JSON bundle. The playground's typings route runs
// this at build time (force-static), so nothing is copied into the repo and a fresh clone works
// after `npm ci`. Run it directly to see what goes in: `npx tsx scripts/editorTypings.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EditorTypings {
  /** Path under node_modules (`amqplib/index.d.ts`) → file text. Includes minimal package.json files. */
  files: Record<string, string>;
  /** Modules referenced but left out on purpose or not found; they resolve to `any` in the editor. */
  skipped: string[];
  /** Node built-ins left out: the editor declares them as shorthand modules, so importing one is not an error. */
  shorthandModules: string[];
}

/** The packages learners import; the editor resolves them through these package.json `types`. */
const CLIENT_PACKAGES = [
  { name: 'amqplib', types: 'index.d.ts' },
  { name: 'kafkajs', types: 'types/index.d.ts' },
  { name: 'ioredis', types: 'built/index.d.ts' },
  { name: '@types/nsqjs', types: 'index.d.ts' },
] as const;

/**
 * Node's globals. Monaco 0.52 ships TypeScript 5.4, so the typed-array and Buffer files come from
 * @types/node's `ts5.6/` variants (the root ones use generic typed arrays from TS 5.7).
 */
const NODE_GLOBALS = [
  'compatibility/disposable.d.ts',
  'compatibility/indexable.d.ts',
  'compatibility/iterators.d.ts',
  'ts5.6/globals.typedarray.d.ts',
  'ts5.6/buffer.buffer.d.ts',
  'globals.d.ts',
  'web-globals/abortcontroller.d.ts',
  'web-globals/domexception.d.ts',
  'web-globals/events.d.ts',
];

/** Node modules a script commonly imports itself, beyond what the libraries reference. */
const NODE_MODULES_FOR_SCRIPTS = [
  'buffer',
  'console',
  'process',
  'timers',
  'timers/promises',
  'events',
  'crypto',
  'util',
  'os',
  'assert',
];

/**
 * @types/node's files import each other until the whole package (~2.9 MB) is in. Imports made
 * by Node's own files are followed only into this set; the rest (child_process, fs, http…)
 * resolve to `any`, which only matters for the few Node APIs that mention them.
 */
const NODE_CORE = new Set([
  ...NODE_MODULES_FOR_SCRIPTS,
  'stream',
  'net',
  'tls',
  'dns',
  'url',
  'string_decoder',
  'async_hooks',
]);

/** Bare imports that are not worth their weight in the editor (fetch's undici types). */
const LEFT_OUT = new Set(['undici-types']);

const IMPORT_PATTERNS = [
  /\bfrom\s+['"]([^'"]+)['"]/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bdeclare\s+module\s+['"]([^'"]+)['"]/g,
];
const REFERENCE_PATH = /\/\/\/\s*<reference\s+path=["']([^"']+)["']/g;

/** A path under node_modules. Read at build time only, so the bundler need not trace it. */
const inNodeModules = (...parts: string[]) =>
  path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', ...parts);

export function collectEditorTypings(): EditorTypings {
  const files: Record<string, string> = {};
  const skipped = new Set<string>();
  const queue: string[] = [];

  const add = (rel: string) => {
    const normalized = path.posix.normalize(rel);
    if (normalized in files) return;
    const abs = inNodeModules(normalized);
    if (!fs.existsSync(abs)) throw new Error(`editor typings: ${abs} is missing (run npm ci)`);
    files[normalized] = fs.readFileSync(abs, 'utf8');
    queue.push(normalized);
  };

  /** A bare specifier: a Node built-in (`events`, `node:events`, `fs/promises`) or a package. */
  const resolveBare = (spec: string): string | undefined => {
    const builtin = spec.replace(/^node:/, '');
    if (fs.existsSync(inNodeModules('@types/node', `${builtin}.d.ts`)))
      return `@types/node/${builtin}.d.ts`;
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    if (LEFT_OUT.has(pkg)) return undefined;
    const pkgJson = inNodeModules(pkg, 'package.json');
    if (!fs.existsSync(pkgJson)) return undefined;
    const meta = JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as {
      types?: string;
      typings?: string;
    };
    const types = meta.types ?? meta.typings ?? 'index.d.ts';
    if (!fs.existsSync(inNodeModules(pkg, types))) return undefined;
    files[`${pkg}/package.json`] ??= JSON.stringify({ name: pkg, types });
    return path.posix.join(pkg, types);
  };

  const resolveRelative = (from: string, spec: string): string | undefined => {
    const base = path.posix.join(path.posix.dirname(from), spec);
    const candidates = [
      base,
      `${base}.d.ts`,
      `${base.replace(/\.js$/, '')}.d.ts`,
      `${base}/index.d.ts`,
    ];
    return candidates.find((c) => c.endsWith('.d.ts') && fs.existsSync(inNodeModules(c)));
  };

  for (const { name, types } of CLIENT_PACKAGES) {
    files[`${name}/package.json`] = JSON.stringify({ name, types });
    add(`${name}/${types}`);
  }
  for (const file of NODE_GLOBALS) add(`@types/node/${file}`);
  for (const mod of NODE_MODULES_FOR_SCRIPTS) add(`@types/node/${mod}.d.ts`);

  while (queue.length > 0) {
    const file = queue.shift()!;
    // Doc comments are full of example imports (`import fs from 'node:fs'`): scan code only.
    const text = files[file]!.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/(?!\/).*$/gm, '');
    for (const m of text.matchAll(REFERENCE_PATH)) {
      const target = resolveRelative(file, m[1]!);
      // Reference paths inside @types/node point at files we choose explicitly (index.d.ts pulls in everything).
      if (target && !target.endsWith('/index.d.ts')) add(target);
    }
    for (const pattern of IMPORT_PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const spec = m[1]!;
        const builtin = spec.replace(/^node:/, '');
        if (file.startsWith('@types/node/') && !spec.startsWith('.') && !NODE_CORE.has(builtin)) {
          skipped.add(spec);
          continue;
        }
        const target = spec.startsWith('.') ? resolveRelative(file, spec) : resolveBare(spec);
        if (target) add(target);
        else skipped.add(spec);
      }
    }
  }
  const builtins = fs
    .readdirSync(inNodeModules('@types/node'), { recursive: true })
    .map(String)
    .filter(
      (f) =>
        f.endsWith('.d.ts') &&
        !f.startsWith('ts5.') &&
        !f.startsWith('compatibility') &&
        !f.startsWith('web-globals'),
    )
    .map((f) =>
      f
        .replace(/\.d\.ts$/, '')
        .replace(/\\/g, '/')
        .replace(/\.generated$/, ''),
    )
    .filter(
      (m) =>
        m !== 'index' && m !== 'globals' && !m.startsWith('globals.') && !m.endsWith('.buffer'),
    )
    .filter((m) => !(`@types/node/${m}.d.ts` in files));
  const shorthandModules = builtins.flatMap((m) => [m, `node:${m}`]).sort();
  return { files, skipped: [...skipped].sort(), shorthandModules };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { files, skipped, shorthandModules } = collectEditorTypings();
  const sizes = Object.entries(files).map(([f, t]) => [f, t.length] as const);
  for (const [f, n] of sizes.sort((a, b) => b[1] - a[1]))
    console.log(`${String(n).padStart(8)}  ${f}`);
  console.log(
    `${sizes.length} files, ${sizes.reduce((s, [, n]) => s + n, 0)} chars; skipped: ${skipped.join(', ') || 'none'}`,
  );
  console.log(`shorthand (any-typed) modules: ${shorthandModules.join(', ')}`);
}
