import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CgroupLayout } from './cgroupLayout';

const KILL_DEADLINE_MS = 15_000;

/**
 * One cgroup per script process tree: bounds memory (including Buffers, which V8's heap
 * limit does not see) and tasks, lets the supervisor kill every process of the script at
 * once, and freeze it (pause) for fault injection.
 */
export class ScriptCgroup {
  private readonly dirs: string[];
  private readonly memoryDir: string;
  private readonly pidsDir: string;
  private readonly freezerDir: string | undefined;
  /** Set once killing began: freezing again would keep the SIGKILLed tasks from dying. */
  private dying = false;

  constructor(
    private readonly layout: CgroupLayout,
    readonly name: string,
  ) {
    if (layout.version === 2) {
      this.memoryDir = this.pidsDir = path.join(layout.base, name);
      this.freezerDir = this.memoryDir;
      this.dirs = [this.memoryDir];
    } else {
      this.memoryDir = path.join(layout.memory, name);
      this.pidsDir = path.join(layout.pids, name);
      this.freezerDir = layout.freezer && path.join(layout.freezer, name);
      this.dirs = [this.memoryDir, this.pidsDir, ...(this.freezerDir ? [this.freezerDir] : [])];
    }
  }

  create(memoryBytes: number, tasks: number): void {
    for (const dir of this.dirs) fs.mkdirSync(dir, { recursive: true });
    if (this.layout.version === 2) {
      write(this.memoryDir, 'memory.max', memoryBytes);
      write(this.memoryDir, 'memory.swap.max', 0, true);
      write(this.pidsDir, 'pids.max', tasks);
    } else {
      write(this.memoryDir, 'memory.limit_in_bytes', memoryBytes);
      write(this.memoryDir, 'memory.memsw.limit_in_bytes', memoryBytes, true);
      write(this.pidsDir, 'pids.max', tasks);
    }
  }

  /** Files the launcher writes its own pid to, before it execs into the sandbox. */
  get procsFiles(): string[] {
    return this.dirs.map((dir) => path.join(dir, 'cgroup.procs'));
  }

  pids(): number[] {
    return read(this.pidsDir, 'cgroup.procs').split('\n').filter(Boolean).map(Number);
  }

  /** Whether the kernel's OOM killer fired in this group. */
  memoryLimitHit(): boolean {
    if (this.layout.version === 2)
      return /oom_kill [1-9]/.test(read(this.memoryDir, 'memory.events'));
    return /oom_kill [1-9]/.test(read(this.memoryDir, 'memory.oom_control'));
  }

  /** Whether a fork or thread was refused at the task limit. */
  taskLimitHit(): boolean {
    return /max [1-9]/.test(read(this.pidsDir, 'pids.events'));
  }

  freeze(frozen: boolean): boolean {
    if (!this.freezerDir || (frozen && this.dying)) return false;
    if (this.layout.version === 2) write(this.freezerDir, 'cgroup.freeze', frozen ? 1 : 0);
    else
      fs.writeFileSync(path.join(this.freezerDir, 'freezer.state'), frozen ? 'FROZEN' : 'THAWED');
    return true;
  }

  /**
   * SIGKILLs every task until the group is empty (a fork race needs a second pass).
   * `parentPid` (the supervisor's own child, outer bwrap) is spared for a moment so it reaps
   * the sandbox first: an orphan would go to the host's init, which may never reap it.
   */
  async killAll(parentPid?: number): Promise<void> {
    this.dying = true;
    if (
      this.layout.version === 2 &&
      parentPid === undefined &&
      fs.existsSync(path.join(this.pidsDir, 'cgroup.kill'))
    ) {
      write(this.pidsDir, 'cgroup.kill', 1, true);
    }
    // A process with hundreds of threads (a worker bomb) takes seconds to die after SIGKILL.
    const deadline = Date.now() + KILL_DEADLINE_MS;
    for (let pass = 0; Date.now() < deadline; pass++) {
      const pids = this.pids();
      if (pids.length === 0) return;
      const others = pids.filter((pid) => pid !== parentPid);
      const spareParent = others.length > 0 && Date.now() < deadline - KILL_DEADLINE_MS / 2;
      for (const pid of spareParent ? others : pids) killQuietly(pid);
      // Frozen tasks cannot die; thaw so the SIGKILL lands.
      if (pass === 0) this.freezeQuietly(false);
      await sleep(pass < 5 ? 5 : 25);
    }
    console.warn(
      `[sandbox] cgroup ${this.name} still has tasks ${this.pids().join(' ')} after SIGKILL`,
    );
  }

  async remove(): Promise<void> {
    await this.killAll();
    for (const dir of this.dirs) {
      for (let i = 0; i < 50; i++) {
        try {
          fs.rmdirSync(dir);
          break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') break;
          await sleep(20); // EBUSY while the last task is being reaped
        }
      }
    }
  }

  private freezeQuietly(frozen: boolean) {
    try {
      this.freeze(frozen);
    } catch {
      /* group already gone */
    }
  }
}

function write(dir: string, file: string, value: number, optional = false) {
  try {
    fs.writeFileSync(path.join(dir, file), String(value));
  } catch (err) {
    if (!optional) throw err;
  }
}

function read(dir: string, file: string): string {
  try {
    return fs.readFileSync(path.join(dir, file), 'utf8');
  } catch {
    return '';
  }
}

function killQuietly(pid: number) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Kills and removes script cgroups of dead runs (named `<runId>-<uid>`). */
export async function removeStaleCgroups(
  layout: CgroupLayout,
  isLive: (runId: string) => boolean,
): Promise<number> {
  const parent = layout.version === 2 ? layout.base : layout.pids;
  let removed = 0;
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    const runId = /^([0-9a-f]{8})-\d+$/.exec(name)?.[1];
    if (!runId || isLive(runId)) continue;
    await new ScriptCgroup(layout, name).remove();
    removed++;
  }
  return removed;
}
