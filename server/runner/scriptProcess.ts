import { spawn, type ChildProcess } from 'node:child_process';
import { captureOutput, type LogSink, type OutputBudget } from './outputCapture';
import { LAUNCH_ENV, sandboxCommand, type SandboxSpec } from './sandboxCommand';
import type { ScriptCgroup } from './scriptCgroup';
import type { TraceFifo } from './traceFifo';

export interface ScriptExit {
  code: number | null;
  signal: string | null;
  /** `exited`, `stopped`, `time-limit`, `cpu-limit`, `memory-limit`, `task-limit`, `output-limit`, `killed`. */
  reason: string;
  message: string;
}

export interface ScriptHandlers {
  onFrame(frame: string): void;
  onLog: LogSink;
  onExit(exit: ScriptExit): void;
}

/**
 * One learner script in its sandbox: spawns it, streams its console and trace pipe, kills
 * its whole process tree (through its cgroup) and explains how it ended.
 */
export class ScriptProcess {
  private child: ChildProcess | undefined;
  private killReason: { reason: string; message: string } | undefined;
  /** The last 2000 characters the script wrote to stderr (explains exits and load errors). */
  stderrTail = '';
  readonly exited: Promise<ScriptExit>;
  private resolveExit!: (exit: ScriptExit) => void;
  startedAt = 0;

  constructor(
    readonly spec: SandboxSpec,
    private readonly cgroup: ScriptCgroup,
    private readonly fifo: TraceFifo,
    private readonly budget: OutputBudget,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  start(handlers: ScriptHandlers): void {
    const { file, args } = sandboxCommand(this.spec);
    this.fifo.start(handlers.onFrame);
    this.startedAt = Date.now();
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: LAUNCH_ENV,
      detached: true, // own process group: the server's terminal signals do not reach it
    });
    this.child = child;
    captureOutput(child.stdout!, 'stdout', this.budget, handlers.onLog);
    captureOutput(child.stderr!, 'stderr', this.budget, (stream, text, truncated) => {
      this.stderrTail = (this.stderrTail + '\n' + text).slice(-2000);
      handlers.onLog(stream, text, truncated);
    });
    let settled = false;
    const finish = async (code: number | null, signal: string | null) => {
      if (settled) return;
      settled = true;
      await this.cgroup.killAll(child.pid); // anything left behind dies with it
      await this.fifo.close();
      const exit = this.explain(code, signal);
      handlers.onExit(exit);
      this.resolveExit(exit);
    };
    child.on('error', (err) => {
      this.killReason ??= {
        reason: 'error',
        message: `could not start the sandbox: ${err.message}`,
      };
      void finish(null, null);
    });
    child.on('exit', (code, signal) => void finish(code, signal));
  }

  /** Kills the script's whole process tree; `reason` is what its exit event will say. */
  async kill(reason: string, message: string): Promise<ScriptExit> {
    this.killReason ??= { reason, message };
    await this.cgroup.killAll(this.child?.pid);
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  pause(paused: boolean): boolean {
    return this.cgroup.freeze(paused);
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  private explain(code: number | null, signal: string | null): ScriptExit {
    const base = { code, signal };
    if (this.killReason) return { ...base, ...this.killReason };
    const name = this.spec.script;
    if (this.cgroup.memoryLimitHit() || /heap limit|out of memory/i.test(this.stderrTail)) {
      const mb = Math.round(this.spec.limits.memoryBytes / 1024 / 1024);
      return {
        ...base,
        reason: 'memory-limit',
        message: `${name} used more than ${mb} MB of memory and was stopped`,
      };
    }
    // RLIMIT_CPU: SIGXCPU at the soft limit (bwrap reports it as 128 + 24), SIGKILL at the hard one.
    if (signal === 'SIGXCPU' || code === 152 || (code === 137 && this.cpuLimitLikely())) {
      return {
        ...base,
        reason: 'cpu-limit',
        message: `${name} used ${this.spec.limits.cpuSeconds} s of CPU time and was stopped`,
      };
    }
    if (
      (this.cgroup.taskLimitHit() ||
        /Too many open files|Resource temporarily unavailable/.test(this.stderrTail)) &&
      code !== 0
    ) {
      return {
        ...base,
        reason: 'task-limit',
        message: `${name} tried to start too many processes, threads or open files (${this.spec.limits.tasks} tasks, ${this.spec.limits.openFiles} files)`,
      };
    }
    if (signal || (code !== null && code > 128)) {
      return {
        ...base,
        reason: 'killed',
        message: `${name} was killed (${signal ?? `signal ${code! - 128}`})`,
      };
    }
    return { ...base, reason: 'exited', message: `${name} exited with code ${code}` };
  }

  /** Several threads can burn CPU seconds faster than wall seconds pass; half is a safe floor. */
  private cpuLimitLikely(): boolean {
    return Date.now() - this.startedAt >= (this.spec.limits.cpuSeconds * 1000) / 2;
  }
}
