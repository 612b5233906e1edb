import fs from 'node:fs';
import path from 'node:path';
import type { CgroupLayout } from './cgroupLayout';
import type { RunLimits } from './limits';
import { runnerPaths } from './paths';
import { ScriptCgroup } from './scriptCgroup';
import { INSTRUMENTED_PACKAGES } from './instrumentedPackages';
import { LAUNCH_ENV, learnerEmitDir, sandboxCommand } from './sandboxCommand';
import { spawnSync } from 'node:child_process';

/**
 * Runs Deno once in the exact sandbox layout with a writable cache, importing every wrapper
 * (and so every client library): later sandboxes mount that cache read-only and start in
 * a few tens of milliseconds instead of re-analysing the libraries' CommonJS on every run.
 */
export async function warmDenoCache(
  cgroups: CgroupLayout,
  imageHash: string,
  limits: RunLimits,
): Promise<void> {
  const cache = runnerPaths.denoCache(imageHash);
  const image = runnerPaths.image(imageHash);
  const stamp = path.join(cache, '.warmed');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === imageHash) return;
  fs.mkdirSync(cache, { recursive: true, mode: 0o755 });

  const dir = fs.mkdtempSync(path.join(runnerPaths.runs, 'warm-'));
  fs.chmodSync(dir, 0o755);
  const imports = Object.keys(INSTRUMENTED_PACKAGES)
    .filter((name) => fs.existsSync(path.join(image, INSTRUMENTED_PACKAGES[name]!)))
    .map((name) => `import '${name}';`);
  fs.writeFileSync(path.join(dir, 'warm.ts'), imports.join('\n') + '\n');
  // A plain file stands in for the trace pipe (device nodes like /dev/null cannot be bound).
  const traceFile = path.join(dir, 'trace.out');
  fs.writeFileSync(traceFile, '', { mode: 0o666 });
  const cgroup = new ScriptCgroup(cgroups, `warm-${process.pid}`);
  cgroup.create(limits.memoryBytes * 2, limits.tasks);
  try {
    const { file, args } = sandboxCommand({
      uid: 0,
      scriptsDir: dir,
      script: 'warm.ts',
      traceFifo: traceFile,
      allowNet: [],
      runConfig: JSON.stringify({
        runId: 'warm',
        script: 'warm.ts',
        tag: 'warm',
        broker: 'none',
        prefix: '',
        connection: {},
        limits,
      }),
      limits: { ...limits, cpuSeconds: 120 },
      cgroupProcs: cgroup.procsFiles,
      imageDir: image,
      denoCache: cache,
      writableCache: true,
    });
    const result = spawnSync(file, args, { encoding: 'utf8', timeout: 120_000, env: LAUNCH_ENV });
    if (result.status !== 0)
      throw new Error(`warming the sandbox's Deno cache failed: ${result.stderr || result.error}`);
    // The mount point of each sandbox's private emit folder (see sandboxCommand.ts).
    fs.mkdirSync(learnerEmitDir(cache), { recursive: true });
    // Readable by every sandbox uid; written only here, as root.
    chmodTree(cache);
    fs.writeFileSync(stamp, imageHash);
  } finally {
    await cgroup.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function chmodTree(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(full, 0o755);
      chmodTree(full);
    } else if (entry.isFile()) fs.chmodSync(full, 0o644);
  }
}
