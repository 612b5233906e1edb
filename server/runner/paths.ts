import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so runs work from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runtime state of the playground; under the gitignored .mqlab folder. */
const STATE_DIR = process.env.MQLAB_STATE_DIR ?? path.join(REPO_ROOT, '.mqlab');

export const runnerPaths = {
  /** Sandbox images and Deno caches, one of each per version of the sandbox-side sources. */
  sandbox: path.join(STATE_DIR, 'sandbox'),
  /** Read-only tree mounted into every sandbox: package.json, import map, wrapper modules. */
  image: (hash: string) => path.join(STATE_DIR, 'sandbox', `image-${hash}`),
  /** Deno's module cache, warmed once so a run does not re-analyse the client libraries. */
  denoCache: (hash: string) => path.join(STATE_DIR, 'sandbox', `deno-cache-${hash}`),
  /** One folder per live run: the learner's files and the trace pipes. */
  runs: path.join(STATE_DIR, 'playground'),
  nodeModules: path.join(REPO_ROOT, 'node_modules'),
  /** Source of everything that runs inside the sandbox (copied into the image). */
  insideSources: [
    path.join(REPO_ROOT, 'server', 'runner', 'inside'),
    path.join(REPO_ROOT, 'server', 'brokers'),
  ],
};

/** The Deno binary shipped by the `deno` npm package (its platform sub-package holds the ELF). */
export function denoBinary(): string {
  if (process.env.MQLAB_DENO) return process.env.MQLAB_DENO;
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@deno/linux-x64-glibc/package.json')), 'deno');
}

/** Fixed paths inside the sandbox's own filesystem view. */
export const INSIDE = {
  root: '/sandbox',
  deno: '/sandbox/deno',
  scripts: '/sandbox/scripts',
  traceFifo: '/sandbox/trace.fifo',
  denoCache: '/sandbox/deno-cache',
  preload: '/sandbox/server/runner/inside/preload.ts',
  importMap: '/sandbox/import_map.json',
};
