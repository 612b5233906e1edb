import { FlowModel } from '@/components/flow/flowModel';
import type { AppSocket } from '@/components/realtime/socket';
import type { RunStartRequest } from '@/server/protocol/run';

export type RunnerState = 'idle' | 'starting' | 'queued' | 'running';
export type RunStartOutcome =
  { ok: true } | { ok: false; reason: 'unavailable' | 'refused'; message?: string };

export interface RunSnapshot {
  state: RunnerState;
  runId?: string;
  /** 1-based place in the queue while `queued`. */
  position?: number;
  /** The current (or last) run's live model; a new one per run. */
  model?: FlowModel;
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
    this.set({ state: 'starting', runId: undefined, model: new FlowModel(request.broker) });
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

  private feed(runId: string, events: Parameters<FlowModel['ingest']>[0]) {
    if (runId !== this.snapshot.runId) return;
    this.snapshot.model?.ingest(events);
  }

  private set(next: Partial<RunSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.listeners.forEach((l) => l());
  }
}
