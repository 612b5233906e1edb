import { FlowModel } from '@/components/flow/flowModel';
import type { AppSocket } from '@/components/realtime/socket';
import type { Broker } from '@/server/protocol/brokers';
import type {
  ExerciseCheckRefusal,
  ExerciseCheckRequest,
  ExerciseReport,
} from '@/server/protocol/exercise';
import type { TraceEvent } from '@/server/protocol/trace';

/** Where a check is: sent, waiting in line, setting up, running, being judged — or over. */
export type CheckPhase = 'idle' | 'sending' | 'queued' | 'preparing' | 'grading' | 'judging';

/** How the last check ended. */
export type CheckOutcome =
  | { kind: 'graded'; report: ExerciseReport; at: number }
  | { kind: 'refused'; refusal: ExerciseCheckRefusal; message: string }
  | { kind: 'unavailable' | 'error'; message: string }
  | { kind: 'no-answer' | 'disconnected' };

export interface CheckSnapshot {
  phase: CheckPhase;
  exerciseId?: string;
  checkId?: string;
  runId?: string;
  /** 1-based place in the queue while `queued`. */
  position?: number;
  /** When the grading run started (this browser's clock) and its wall limit. */
  startedAt?: number;
  seconds?: number;
  /** The grading run's live model: the playground's panels draw it. */
  model?: FlowModel;
  outcome?: CheckOutcome;
}

/** Waiting for the server to answer `exercise:check` at all. */
const ANSWER_MS = 10_000;
/** From "accepted, running" to the grading run's start (its database, sandboxes): generous. */
const PREPARE_MS = 60_000;
/** Past the run's own limit, how long to wait for the verdict before calling it lost. */
const VERDICT_SLACK_MS = 30_000;

/**
 * One tab's connection to the grader (the playground's RunSession, for checks): check(files)
 * and a snapshot to render. The grading run's trace goes straight into a FlowModel, so the
 * playground's live view, dead letters, anomalies and inspector work unchanged. `onGraded`
 * hears every report, also for a check whose page the learner has left meanwhile.
 */
export class CheckSession {
  private snapshot: CheckSnapshot = { phase: 'idle' };
  private listeners = new Set<() => void>();
  private watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly socket: AppSocket,
    private readonly onGraded: (exerciseId: string, report: ExerciseReport) => void,
    private readonly now: () => number = Date.now,
  ) {
    socket.on('exercise:started', (p) => {
      if (p.checkId !== this.snapshot.checkId) return;
      this.arm(p.run.seconds * 1000 + VERDICT_SLACK_MS);
      this.set({
        phase: 'grading',
        runId: p.run.runId,
        position: undefined,
        startedAt: this.now(),
        seconds: p.run.seconds,
        model: this.snapshot.model ?? new FlowModel(p.run.broker),
      });
    });
    socket.on('run:trace', (b) => this.feed(b.runId, b.events));
    socket.on('run:log', (b) => this.feed(b.runId, b.events));
    socket.on('run:ended', (e) => {
      if (e.runId !== this.snapshot.runId || this.snapshot.phase !== 'grading') return;
      this.snapshot.model?.ingest([e]);
      this.set({ phase: 'judging' });
    });
    socket.on('exercise:checked', (p) => {
      if (p.checkId !== this.snapshot.checkId || this.snapshot.phase === 'idle') return;
      if (p.outcome === 'graded') {
        this.onGraded(p.exerciseId, p.report);
        this.finish({ kind: 'graded', report: p.report, at: this.now() });
      } else {
        this.finish({ kind: p.outcome, message: p.message });
      }
    });
    socket.on('disconnect', () => {
      // The server stops a disconnected tab's grading: no verdict will come.
      if (this.snapshot.phase !== 'idle') this.finish({ kind: 'disconnected' });
    });
  }

  getSnapshot = (): CheckSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get busy(): boolean {
    return this.snapshot.phase !== 'idle';
  }

  /** Sends the files for grading; ignored while a check is going. */
  check(request: ExerciseCheckRequest, broker: Broker): void {
    if (this.busy) return;
    this.set({
      phase: 'sending',
      exerciseId: request.exerciseId,
      checkId: undefined,
      runId: undefined,
      position: undefined,
      startedAt: undefined,
      seconds: undefined,
      outcome: undefined,
      model: new FlowModel(broker),
    });
    if (!this.socket.connected) return this.finish({ kind: 'no-answer' });
    this.socket.timeout(ANSWER_MS).emit('exercise:check', request, (err, res) => {
      if (this.snapshot.phase !== 'sending') return;
      if (err || !res) return this.finish({ kind: 'no-answer' });
      if ('error' in res) {
        return this.finish({ kind: 'refused', refusal: res.refusal, message: res.error });
      }
      const { checkId, state, position } = res.data;
      // A queued check waits for others' runs (each bounded); a running one must start soon.
      if (state === 'running') this.arm(PREPARE_MS);
      this.set({ checkId, phase: state === 'queued' ? 'queued' : 'preparing', position });
    });
  }

  /** Forgets the last outcome (the page showed it and the learner moved on). */
  dismiss(): void {
    if (!this.busy && this.snapshot.outcome) this.set({ outcome: undefined });
  }

  private feed(runId: string, events: readonly TraceEvent[]) {
    if (runId === this.snapshot.runId && this.snapshot.phase === 'grading')
      this.snapshot.model?.ingest(events);
  }

  private arm(ms: number) {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      if (this.busy) this.finish({ kind: 'no-answer' });
    }, ms);
  }

  private finish(outcome: CheckOutcome) {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.set({ phase: 'idle', position: undefined, outcome });
  }

  private set(next: Partial<CheckSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.listeners.forEach((l) => l());
  }
}
