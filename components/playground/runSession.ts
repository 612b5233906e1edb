import { FlowModel } from '@/components/flow/flowModel';
import type { AppSocket } from '@/components/realtime/socket';
import type { RunFaultRequest, RunStartRequest } from '@/server/protocol/run';

export type RunnerState = 'idle' | 'starting' | 'queued' | 'running';
export type RunStartOutcome =
  { ok: true } | { ok: false; reason: 'unavailable' | 'refused'; message?: string };
/** How a fault or a replay went: done, or the server's reason (empty when it did not answer). */
export type RunActionOutcome = { ok: true } | { ok: false; message: string };

export interface RunSnapshot {
  state: RunnerState;
  runId?: string;
  /** 1-based place in the queue while `queued`. */
  position?: number;
  /** The current (or last) run's live model; a new one per run. */
  model?: FlowModel;
  /** The run's scripts, once it started: what script faults can act on. */
  scripts?: string[];
}

/** How long to wait for the server to answer `run:start` before calling the runtime unavailable. */
const ANSWER_MS = 10_000;

/**
 * One page's connection to the runtime, learn.svelte.dev's adapter shape: start(files), stop(),
 * and a snapshot to render. Trace batches go straight into the run's FlowModel (no React state
 * per event); the view polls the model once per frame.
 */
export class RunSession {
  private snapshot: RunSnapshot = { state: 'idle' };
  private listeners = new Set<() => void>();

  constructor(private readonly socket: AppSocket) {
    socket.on('run:started', (p) => {
      if (p.runId !== this.snapshot.runId) return;
      this.set({
        state: 'running',
        position: undefined,
        scripts: p.scripts,
        model: this.snapshot.model ?? new FlowModel(p.broker),
      });
    });
    socket.on('run:trace', (b) => this.feed(b.runId, b.events));
    socket.on('run:log', (b) => this.feed(b.runId, b.events));
    socket.on('run:ended', (p) => {
      if (p.runId !== this.snapshot.runId) return;
      this.snapshot.model?.ingest([p]);
      this.set({ state: 'idle' });
    });
  }

  getSnapshot = (): RunSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(request: RunStartRequest): Promise<RunStartOutcome> {
    if (this.snapshot.state !== 'idle') return Promise.resolve({ ok: true });
    this.set({
      state: 'starting',
      runId: undefined,
      scripts: undefined,
      model: new FlowModel(request.broker),
    });
    return new Promise((resolve) => {
      this.socket.timeout(ANSWER_MS).emit('run:start', request, (err, res) => {
        if (err || !res) {
          this.set({ state: 'idle' });
          return resolve({ ok: false, reason: 'unavailable' });
        }
        if ('error' in res) {
          this.set({ state: 'idle' });
          return resolve({ ok: false, reason: 'refused', message: res.error });
        }
        const { runId, state, position } = res.data;
        this.set({ runId, state, position });
        resolve({ ok: true });
      });
    });
  }

  stop(): void {
    const { runId } = this.snapshot;
    if (runId) this.socket.timeout(ANSWER_MS).emit('run:stop', { runId }, () => {});
  }

  /** Injects a fault into the running run; what it did arrives in the trace as a `fault` event. */
  fault(request: Omit<RunFaultRequest, 'runId'>): Promise<RunActionOutcome> {
    return this.act((runId, answer) =>
      this.socket.timeout(ANSWER_MS).emit('run:fault', { runId, ...request }, answer),
    );
  }

  /** Republishes a dead letter of the running run (traced as a `produce` with `republished`). */
  replay(msgId: string): Promise<RunActionOutcome> {
    return this.act((runId, answer) =>
      this.socket.timeout(ANSWER_MS).emit('run:replay', { runId, msgId }, answer),
    );
  }

  private act(
    send: (
      runId: string,
      answer: (err: Error | null, res?: { error: string } | object) => void,
    ) => void,
  ): Promise<RunActionOutcome> {
    const { runId, state } = this.snapshot;
    if (!runId || state !== 'running') return Promise.resolve({ ok: false, message: '' });
    return new Promise((resolve) =>
      send(runId, (err, res) => {
        if (err || !res) resolve({ ok: false, message: '' });
        else if ('error' in res) resolve({ ok: false, message: res.error });
        else resolve({ ok: true });
      }),
    );
  }

  private feed(runId: string, events: Parameters<FlowModel['ingest']>[0]) {
    if (runId !== this.snapshot.runId) return;
    this.snapshot.model?.ingest(events);
  }

  private set(next: Partial<RunSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.listeners.forEach((l) => l());
  }
}
