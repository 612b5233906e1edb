import type { RunEndEvent, TraceEvent } from '../../server/protocol/trace';
import type { Evidence } from '../../server/exercises/checkTypes';

const T0 = 1_800_000_000_000;

/** Builds traces by hand for the grading rules' unit tests: times in ms after the run start. */
export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  private ids = 0;

  constructor(readonly broker: TraceEvent['broker'] = 'rabbitmq') {
    this.push({ type: 'run-start', script: '@run', scripts: [], limits: {} }, 0);
  }

  push(draft: Record<string, unknown>, atMs: number): TraceEvent {
    const event = {
      n: this.events.length + 1,
      ts: T0 + atMs,
      runId: 'test',
      broker: this.broker,
      ...draft,
    } as TraceEvent;
    this.events.push(event);
    return event;
  }

  produce(script: string, destination: string, body: object, atMs: number): string {
    const msgId = `${script}:${++this.ids}`;
    this.push(
      { type: 'produce', script, msgId, destination, payload: JSON.stringify(body), size: 10 },
      atMs,
    );
    return msgId;
  }

  deliver(
    script: string,
    subscription: string,
    body: object,
    atMs: number,
    msgId = `m${++this.ids}`,
  ): string {
    this.push(
      {
        type: 'deliver',
        script,
        msgId,
        destination: subscription,
        subscription,
        payload: JSON.stringify(body),
        redelivered: false,
        attempt: 1,
      },
      atMs,
    );
    return msgId;
  }

  ack(script: string, subscription: string, msgId: string, atMs: number): void {
    this.push({ type: 'ack', script, msgId, destination: subscription, subscription }, atMs);
  }

  deadLetter(body: object, originalDestination: string, reason: string, atMs: number): void {
    this.push(
      {
        type: 'dead-letter',
        script: '@broker',
        msgId: `d${++this.ids}`,
        destination: 'dlx',
        reason,
        originalDestination,
        observedBy: 'broker',
        payload: JSON.stringify(body),
      },
      atMs,
    );
  }

  exit(script: string, atMs: number, reason = 'exited', code: number | null = 0): void {
    this.push(
      { type: 'exit', script, code, signal: null, reason, message: `${script} ${reason}` },
      atMs,
    );
  }

  end(
    atMs: number,
    reason = 'completed',
    brokerFigures: RunEndEvent['brokerFigures'] = {},
  ): RunEndEvent {
    return this.push(
      {
        type: 'run-end',
        script: '@run',
        reason,
        message: reason,
        durationMs: atMs,
        scripts: [],
        counts: {},
        brokerFigures,
        agreement: [],
      },
      atMs,
    ) as RunEndEvent;
  }

  evidence(learner: string[], harness: string[], tables: Evidence['tables'] = {}): Evidence {
    const end = this.events.find((e): e is RunEndEvent => e.type === 'run-end');
    return {
      events: this.events,
      end,
      learnerScripts: learner,
      harnessScripts: harness,
      startedAt: T0,
      tables,
    };
  }
}
