import type { Broker } from '../protocol/brokers';
import type { TraceEvent } from '../protocol/trace';
import { OrderingAnomalyDetector } from './detectOrderingAnomalies';
import { MessageHistory } from './messageHistory';
import { ReorderBuffer } from './reorderBuffer';
import { TraceCounts } from './traceCounts';
import { TraceStream, type DraftEvent } from './traceStream';

/** How long anomaly detection waits for events from slower pipes before ordering them. */
const REORDER_WINDOW_MS = 150;

/**
 * A run's trace pipeline: each event gets what only the server knows (attempt numbers,
 * dead-letter delivery counts), is numbered and kept (TraceStream), counted, and — for
 * deliveries and acks — passed in timestamp order to the ordering-anomaly detector, whose
 * findings join the stream as `anomaly` events.
 */
export class RunTrace {
  readonly stream: TraceStream;
  readonly counts = new TraceCounts();
  private readonly history = new MessageHistory();
  private readonly detector = new OrderingAnomalyDetector(this.history);
  private readonly reorder = new ReorderBuffer(REORDER_WINDOW_MS, (e) => this.detect(e));

  constructor(runId: string, broker: Broker) {
    this.stream = new TraceStream(runId, broker);
  }

  record(draft: DraftEvent): TraceEvent | undefined {
    const added = this.history.record(draft as DraftEvent & Record<string, unknown>);
    const hasAdded = added.attempt !== undefined || added.attempts !== undefined;
    const event = this.stream.push(hasAdded ? ({ ...draft, ...added } as DraftEvent) : draft);
    if (!event) return undefined;
    this.counts.add(event);
    if (event.type === 'deliver' || event.type === 'ack') this.reorder.add(event);
    return event;
  }

  /** Runs detection on everything still waiting (at run end). */
  flushAnomalies(): void {
    this.reorder.flush();
  }

  private detect(event: TraceEvent) {
    for (const anomaly of this.detector.observe(event)) {
      const recorded = this.stream.push({
        ...anomaly,
        type: 'anomaly',
        ts: event.ts,
        script: anomaly.consumer,
      });
      if (recorded) this.counts.add(recorded);
    }
  }
}
