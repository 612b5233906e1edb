import type { OutputBudget } from './outputCapture';
import type { RunSpec } from './run';
import type { RunWorkspace } from './runWorkspace';
import { allocateSandboxUid, releaseSandboxUid } from './sandboxUids';
import { ScriptCgroup } from './scriptCgroup';
import { ScriptProcess, type ScriptExit, type ScriptHandlers } from './scriptProcess';

/**
 * One script name of a run across its starts (fault injection restarts scripts): each start
 * gets a fresh uid, cgroup and trace pipe, and a new tag so its message ids stay unique.
 */
export class ScriptSlot {
  private process: ScriptProcess | undefined;
  private cgroup: ScriptCgroup | undefined;
  private uid: number | undefined;
  private starts = 0;
  private lastExit: ScriptExit | undefined;
  restarting = false;
  /** Whether the current start reported an error itself (then its stderr need not be read). */
  reportedError = false;

  constructor(
    readonly name: string,
    private readonly spec: RunSpec,
    private readonly workspace: RunWorkspace,
    private readonly budget: OutputBudget,
  ) {}

  async start(connection: Record<string, unknown>, handlers: ScriptHandlers): Promise<void> {
    await this.release();
    this.restarting = false;
    this.reportedError = false;
    this.starts++;
    const { limits } = this.spec;
    this.uid = allocateSandboxUid();
    this.cgroup = new ScriptCgroup(this.spec.host.cgroups, `${this.spec.runId}-${this.uid}`);
    this.cgroup.create(limits.memoryBytes, limits.tasks);
    const fifo = await this.workspace.newTraceFifo();
    const base = this.name.replace(/\.ts$/, '');
    const runConfig = {
      runId: this.spec.runId,
      script: this.name,
      tag: this.starts === 1 ? base : `${base}~${this.starts}`,
      broker: this.spec.broker,
      prefix: `mqlab-${this.spec.runId}.`,
      connection,
      limits: {
        messageBytes: limits.messageBytes,
        entities: limits.entities,
        connections: limits.connections,
      },
    };
    this.process = new ScriptProcess(
      {
        uid: this.uid,
        scriptsDir: this.workspace.scriptsDir,
        script: this.name,
        traceFifo: fifo.file,
        allowNet: [...this.spec.module.allowNet, ...(this.spec.service?.allowNet ?? [])],
        env: this.spec.service?.env,
        runConfig: JSON.stringify(runConfig),
        limits,
        cgroupProcs: this.cgroup.procsFiles,
        imageDir: this.spec.host.imageDir,
        denoCache: this.spec.host.denoCache,
      },
      this.cgroup,
      fifo,
      this.budget,
    );
    this.process.start({
      ...handlers,
      onExit: (exit) => {
        this.lastExit = exit;
        handlers.onExit(exit);
      },
    });
  }

  get stderrTail(): string {
    return this.process?.stderrTail ?? '';
  }

  /** Host pids of the current start's process tree (synchronous: used on process exit). */
  pids(): number[] {
    return this.cgroup?.pids() ?? [];
  }

  get running(): boolean {
    return this.process?.running ?? false;
  }

  /** The host uid of the current start while it runs: its sockets carry it (fault injection finds them so). */
  get runningUid(): number | undefined {
    return this.running ? this.uid : undefined;
  }

  async kill(reason: string, message: string): Promise<ScriptExit | undefined> {
    if (!this.process) return undefined;
    if (reason === 'restarted') this.restarting = true;
    return this.process.running ? this.process.kill(reason, message) : this.process.exited;
  }

  pause(paused: boolean): boolean {
    return this.process?.running ? this.process.pause(paused) : false;
  }

  /** Frees the uid and cgroup of the current start (after its exit). */
  async release(): Promise<void> {
    if (this.process?.running) await this.process.kill('stopped', `${this.name} was stopped`);
    await this.cgroup?.remove();
    if (this.uid !== undefined) releaseSandboxUid(this.uid);
    this.cgroup = undefined;
    this.uid = undefined;
  }

  summary(): { script: string; code: number | null; signal: string | null; reason: string } {
    const exit = this.lastExit;
    return {
      script: this.name,
      code: exit?.code ?? null,
      signal: exit?.signal ?? null,
      reason: exit?.reason ?? 'not-started',
    };
  }
}
