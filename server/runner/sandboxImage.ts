import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { INSTRUMENTED_PACKAGES, UNSUPPORTED_ENTRY_POINTS } from './instrumentedPackages';
import { REPO_ROOT, runnerPaths } from './paths';

/**
 * Builds the read-only tree every sandbox mounts at /sandbox: package.json (so Deno resolves
 * the client packages from node_modules), the import map that swaps each client package for
 * its wrapper, and the sandbox-side sources (server/runner/inside, server/brokers/x/instrument).
 * One folder per version of those sources (`image-<hash>`), built in a temp folder and renamed
 * into place: another MQ Lab process still running sandboxes on an older image keeps it.
 */
export function ensureSandboxImage(): { dir: string; hash: string; built: boolean } {
  const sources = listInsideSources();
  const hash = hashFiles(sources);
  const dir = runnerPaths.image(hash);
  if (readOr(path.join(dir, '.hash')) === hash) return { dir, hash, built: false };

  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const file of sources) {
    const target = path.join(tmp, path.relative(REPO_ROOT, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  writeGenerated(tmp);
  fs.writeFileSync(path.join(tmp, '.hash'), hash);
  fs.chmodSync(tmp, 0o755);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  try {
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process built the same version first
  }
  removeOldImages(hash);
  return { dir, hash, built: true };
}

/** Images and caches of other versions, unused for a day, are removed. */
function removeOldImages(current: string) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(runnerPaths.sandbox)) {
    const match = /^(?:image|deno-cache)-([0-9a-f]{16})$/.exec(name);
    if (!match || match[1] === current) continue;
    const full = path.join(runnerPaths.sandbox, name);
    if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
  }
}

function writeGenerated(dir: string) {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const dependencies = Object.fromEntries(
    Object.keys(INSTRUMENTED_PACKAGES).map((name) => [name, rootPackage.dependencies[name] ?? '*']),
  );
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ type: 'module', dependencies }, null, 2),
  );

  const imports: Record<string, string> = {};
  const realInScope: Record<string, string> = {};
  for (const [name, wrapper] of Object.entries(INSTRUMENTED_PACKAGES)) {
    if (!fs.existsSync(path.join(dir, wrapper))) continue;
    imports[name] = imports[`npm:${name}`] = `./${wrapper}`;
    realInScope[name] = `npm:${name}`;
  }
  for (const entry of Object.keys(UNSUPPORTED_ENTRY_POINTS)) {
    imports[entry] = imports[`npm:${entry}`] = './server/runner/inside/unsupported.ts';
  }
  // Inside the wrappers themselves the bare names mean the real packages.
  const importMap = { imports, scopes: { './server/': realInScope } };
  fs.writeFileSync(path.join(dir, 'import_map.json'), JSON.stringify(importMap, null, 2));

  fs.mkdirSync(path.join(dir, 'etc'));
  // Only loopback names resolve inside; the brokers listen on 127.0.0.1.
  fs.writeFileSync(path.join(dir, 'etc', 'hosts'), '127.0.0.1 localhost\n');
  fs.writeFileSync(path.join(dir, 'etc', 'passwd'), 'learner:x:1000:1000::/tmp:/nonexistent\n');
}

/** Every file that runs inside the sandbox; broker folders contribute their `instrument/`. */
function listInsideSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(full);
    }
  };
  const [inside, brokers] = runnerPaths.insideSources;
  walk(inside!);
  for (const broker of fs.readdirSync(brokers!)) {
    const instrument = path.join(brokers!, broker, 'instrument');
    if (fs.existsSync(instrument)) walk(instrument);
  }
  return files.sort();
}

function hashFiles(files: string[]): string {
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(path.join(REPO_ROOT, 'package.json')));
  for (const file of files) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function readOr(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
