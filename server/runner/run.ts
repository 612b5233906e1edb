import { setTimeout as sleep } from 'node:timers/promises';
import type { Broker } from '../protocol/brokers';
import type { ScriptFile } from '../protocol/run';
import { RUN_ACTOR, type RunEndEvent, type TraceEvent } from '../protocol/trace';
import { ingestFrame } from '../trace/ingestFrame';
import { RunTrace } from '../trace/runTrace';
import type { DraftEvent, TraceStream } from '../trace/traceStream';
import type { BrokerModule, BrokerSession } from './brokerModule';
import { readBrokerFigures } from './brokerFigures';
import type { RunLimits } from './limits';
import { loadErrorFromStderr } from './loadError';
import { OutputBudget } from './outputCapture';
import { RunWorkspace } from './runWorkspace';
import type { SandboxHost } from './sandboxHost';
import type { RunService } from './startRun';
import { ScriptSlot } from './scriptSlot';
import type { ScriptExit } from './scriptProcess';

/** Events still recorded once the trace cap is reached: how the run ends must be told. */
const LIFECYCLE = new Set(['error', 'exit', 'run-end']);
/** After the scripts are gone: time for the broker to route the last dead letters to us. */
const DEAD_LETTER_GRACE_MS = 250;

export interface RunSpec {
  runId: string;
  broker: Broker;
  files: ScriptFile[];
  limits: RunLimits;
  module: BrokerModule;
  host: SandboxHost;
  service?: RunService;
}

/**
 * One live run: its scripts in their sandboxes, its broker space, and its trace. Created by
 * startRun(); used by the socket handlers, the CLI, tests and the grader. Fault injection
 * uses killScript / restartScript / pauseScript and `emit` for its own events.
 */
export class Run {
  readonly id: string;
  readonly broker: Broker;
  readonly scripts: string[];
  readonly limits: RunLimits;
  readonly trace: TraceStream;
  /** Resolves with the run-end event, however the run ended. */
  readonly done: Promise<RunEndEvent>;
  /** Milliseconds from start() to the first event a script sent. */
  firstEventMs: number | undefined;
  session: BrokerSession | undefined;

  private readonly pipeline: RunTrace;
  private readonly budget: OutputBudget;
  private readonly slots = new Map<string, ScriptSlot>();
  private workspace: RunWorkspace | undefined;
  private ending: Promise<RunEndEvent> | undefined;
  private resolveDone!: (event: RunEndEvent) => void;
  private wallTimer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private invalidFrames = 0;
  private starting: Promise<void> | undefined;

  constructor(private readonly spec: RunSpec) {
    this.id = spec.runId;
    this.broker = spec.broker;
    this.scripts = spec.files.map((f) => f.name);
    this.limits = spec.limits;
    this.pipeline = new RunTrace(this.id, this.broker);
    this.trace = this.pipeline.stream;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.budget = new OutputBudget(spec.limits.outputBytes, () =>
      this.fail(
        'output-limit',
        `the run printed more than ${Math.round(spec.limits.outputBytes / 1024)} KiB`,
      ),
    );
  }

  start(): Promise<void> {
    this.starting ??= this.launch();
    return this.starting;
  }

  private async launch(): Promise<void> {
    this.startedAt = Date.now();
    try {
      this.workspace = RunWorkspace.create(this.id, this.spec.files);
      this.session = await this.spec.module.provision({
        runId: this.id,
        prefix: `mqlab-${this.id}.`,
        limits: this.limits,
      });
      await this.session.observe((draft) => this.emit(draft));
      const limits = { ...this.limits } as unknown as Record<string, number>;
      this.emit({
        type: 'run-start',
        ts: Date.now(),
        script: RUN_ACTOR,
        scripts: this.scripts,
        limits,
      });
      this.wallTimer = setTimeout(
        () =>
          void this.end(
            'time-limit',
            `the run reached its ${this.limits.wallSeconds} s time limit`,
          ),
        this.limits.wallSeconds * 1000,
      );
      await Promise.all(this.scripts.map((name) => this.startScript(name)));
    } catch (err) {
      void this.end('error', `the run could not start: ${(err as Error).message}`);
      throw err;
    }
  }

  /** The one door into the trace: scripts, broker observers, faults and metrics all come here. */
  emit(draft: DraftEvent): TraceEvent | undefined {
    if (this.trace.isClosed) return undefined;
    if (this.trace.length >= this.limits.traceEvents && !LIFECYCLE.has(draft.type)) {
      // Past the cap only the run's own lifecycle events are kept; the run is ending.
      this.fail(
        'message-limit',
        `the run produced more than ${this.limits.traceEvents} trace events`,
      );
      return undefined;
    }
    return this.pipeline.record(draft);
  }

  stop(reason = 'stopped', message = 'the run was stopped'): Promise<RunEndEvent> {
    return this.end(reason, message);
  }

  async killScript(
    name: string,
    reason = 'killed',
    message = `${name} was killed`,
  ): Promise<ScriptExit | undefined> {
    return this.slots.get(name)?.kill(reason, message);
  }

  async restartScript(name: string): Promise<void> {
    const slot = this.slots.get(name);
    if (!slot || this.ending) return;
    await slot.kill('restarted', `${name} was stopped to be restarted`);
    await this.startScript(name);
  }

  /** Host pids of every script process of the run. */
  scriptPids(): number[] {
    return [...this.slots.values()].flatMap((slot) => slot.pids());
  }

  pauseScript(name: string, paused: boolean): boolean {
    return this.slots.get(name)?.pause(paused) ?? false;
  }

  isScriptRunning(name: string): boolean {
    return this.slots.get(name)?.running ?? false;
  }

  /** Host uid of a running script (its TCP sockets are owned by it); undefined when it is not running. */
  scriptUid(name: string): number | undefined {
    return this.slots.get(name)?.runningUid;
  }

  /** Whether the run is ending or over: faults and metrics stop acting on it. */
  get isEnding(): boolean {
    return this.ending !== undefined;
  }

  private async startScript(name: string): Promise<void> {
    let slot = this.slots.get(name);
    if (!slot) {
      slot = new ScriptSlot(name, this.spec, this.workspace!, this.budget);
      this.slots.set(name, slot);
    }
    await slot.start(this.session!.connection, {
      onFrame: (line) => this.onFrame(name, line),
      onLog: (stream, text, truncated) =>
        this.emit({
          type: 'log',
          ts: Date.now(),
          script: name,
          stream,
          text,
          ...(truncated ? { truncated } : {}),
        }),
      onExit: (exit) => this.onExit(name, exit),
    });
  }

  private onFrame(script: string, line: string) {
    try {
      this.ingest(script, line);
    } catch (err) {
      // A bug here must never take the server down with a learner's run.
      console.error(`[run ${this.id}] could not record a trace frame from ${script}:`, err);
    }
  }

  private ingest(script: string, line: string) {
    const result = ingestFrame(line, { runId: this.id, broker: this.broker, script });
    if (result.kind === 'ready') {
      this.firstEventMs ??= Date.now() - this.startedAt;
    } else if (result.kind === 'event') {
      if (result.draft.type === 'error') this.slots.get(script)!.reportedError = true;
      this.emit(result.draft);
    } else if (this.invalidFrames++ === 0) {
      this.emit({
        type: 'error',
        ts: Date.now(),
        script,
        message: `ignored a malformed trace frame (${result.reason})`,
        fatal: false,
      });
    }
  }

  private onExit(script: string, exit: ScriptExit) {
    const slot = this.slots.get(script);
    if (slot && !slot.reportedError && exit.reason === 'exited' && exit.code !== 0)
      this.emit(loadErrorFromStderr(script, slot.stderrTail));
    this.emit({ type: 'exit', ts: Date.now(), script, ...exit });
    if (
      slot &&
      !slot.restarting &&
      [...this.slots.values()].every((s) => !s.running && !s.restarting)
    ) {
      void this.end('completed', 'every script finished');
    }
  }

  private fail(reason: string, message: string) {
    if (this.ending) return;
    this.emit({ type: 'error', ts: Date.now(), script: RUN_ACTOR, message, fatal: true });
    void this.end(reason, message);
  }

  private end(reason: string, message: string): Promise<RunEndEvent> {
    this.ending ??= this.finish(reason, message).then((event) => {
      this.resolveDone(event);
      return event;
    });
    return this.ending;
  }

  private async finish(reason: string, message: string): Promise<RunEndEvent> {
    clearTimeout(this.wallTimer);
    // Stopped while starting: let the launch finish, so no script starts after the kill below.
    await this.starting?.catch(() => {});
    await Promise.all([...this.slots.values()].map((slot) => slot.kill(reason, message)));
    if (this.session) await sleep(DEAD_LETTER_GRACE_MS);
    this.pipeline.flushAnomalies();
    const { figures, agreement } = await readBrokerFigures(
      this.session,
      this.pipeline.counts.counts,
      this.trace.all(),
      (error) => this.runError(error),
    );
    await this.session
      ?.cleanup()
      .catch((err: Error) => this.runError(`cleaning up the broker failed: ${err.message}`));
    for (const slot of this.slots.values()) await slot.release();
    this.workspace?.remove();
    const scripts = [...this.slots.values()].map((slot) => slot.summary());
    const event = this.trace.push({
      type: 'run-end',
      ts: Date.now(),
      script: RUN_ACTOR,
      reason,
      message,
      durationMs: Date.now() - this.startedAt,
      scripts,
      counts: this.pipeline.counts.counts,
      brokerFigures: figures,
      agreement,
    }) as RunEndEvent;
    this.trace.close();
    return event;
  }

  private runError(message: string) {
    this.emit({ type: 'error', ts: Date.now(), script: RUN_ACTOR, message, fatal: false });
  }
}
