import fs from 'node:fs';
import path from 'node:path';
import type { ScriptFile } from '../protocol/run';
import { runnerPaths } from './paths';
import { isAlive } from './sandboxUids';
import { TraceFifo } from './traceFifo';

/**
 * A run's folder on the host: the learner's files (mounted read-only into every script's
 * sandbox, so scripts may import each other) and one trace pipe per script start.
 */
export class RunWorkspace {
  private fifoCount = 0;

  private constructor(readonly dir: string) {}

  get scriptsDir(): string {
    return path.join(this.dir, 'scripts');
  }

  static create(runId: string, files: ScriptFile[]): RunWorkspace {
    const dir = path.join(runnerPaths.runs, runId);
    // First of all: another MQ Lab process sweeping leftovers must see this run is alive.
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
    fs.mkdirSync(path.join(dir, 'scripts'), { mode: 0o755 });
    for (const file of files)
      fs.writeFileSync(path.join(dir, 'scripts', file.name), file.source, { mode: 0o644 });
    return new RunWorkspace(dir);
  }

  newTraceFifo(): Promise<TraceFifo> {
    return TraceFifo.create(path.join(this.dir, `trace-${++this.fifoCount}.fifo`));
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Whether a run's owning process (this one or another MQ Lab process: the web server, a
   * `mqlab run`, a test) is alive. A folder a few seconds old without its owner file yet is
   * a run being created. Read fresh each time: callers ask just before deleting.
   */
  static isLive(runId: string): boolean {
    const dir = path.join(runnerPaths.runs, runId);
    const owner = Number(readOr(path.join(dir, 'owner.pid')));
    if (owner) return isAlive(owner);
    try {
      return Date.now() - fs.statSync(dir).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }

  /** Removes folders of runs that are not live (left by a crashed or killed process). */
  static removeDead(): number {
    let removed = 0;
    for (const name of RunWorkspace.runFolders()) {
      if (RunWorkspace.isLive(name)) continue;
      fs.rmSync(path.join(runnerPaths.runs, name), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  private static runFolders(): string[] {
    if (!fs.existsSync(runnerPaths.runs)) return [];
    return fs.readdirSync(runnerPaths.runs).filter((name) => /^[0-9a-f]{8}$/.test(name));
  }
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
