import type { TraceEvent, TraceEventOf } from '../protocol/trace';
import type { MessageHistory } from './messageHistory';

export type AnomalyDraft = Omit<
  TraceEventOf<'anomaly'>,
  'n' | 'runId' | 'broker' | 'ts' | 'type' | 'script'
>;

interface KeyState {
  /** Highest sequence delivered so far, and the message that carried it. */
  maxSeq: number;
  maxMsgId: string;
  maxConsumer: string;
  /** seq → delivered msgId and whether it was acknowledged in this subscription. */
  seen: Map<number, { msgId: string; acked: boolean }>;
  /** Messages already reported out of order: a message requeued again and again is one anomaly. */
  reportedLate: Set<string>;
}

/**
 * Finds ordering anomalies per key, the way the consumers experienced them: for each
 * subscription (queue, consumer group, channel, stream group) and each producer's
 * (destination, key), deliveries should carry seq 1, 2, 3…
 * - out-of-order: a seq lower than one already delivered arrives (expected = highest + 1);
 * - gap: a seq arrives with some lower ones never delivered here;
 * - duplicate: a seq arrives again after it was acknowledged.
 * A redelivery of an unacknowledged message with nothing delivered since is normal.
 * Feed events in timestamp order (see ReorderBuffer). Keyless messages are not ordered
 * and only duplicates are looked for.
 */
export class OrderingAnomalyDetector {
  private readonly keys = new Map<string, KeyState>();
  private readonly bySeqKey = new Map<string, string>(); // subscription|msgId → state key

  constructor(private readonly history: MessageHistory) {}

  observe(event: TraceEvent): AnomalyDraft[] {
    if (event.type === 'ack') {
      const stateKey = this.bySeqKey.get(`${event.subscription}|${event.msgId}`);
      const seen =
        stateKey && event.seq !== undefined
          ? this.keys.get(stateKey)?.seen.get(event.seq)
          : undefined;
      if (seen && seen.msgId === event.msgId) seen.acked = true;
      return [];
    }
    if (event.type !== 'deliver' || event.seq === undefined) return [];
    const origin = this.history.get(event.msgId);
    const producer = origin?.producer ?? event.producer ?? '?';
    const destination = origin?.destination ?? event.destination;
    const key = origin?.key ?? event.key;
    const stateKey = [event.subscription, producer, destination, key ?? ''].join('\u0000');
    this.bySeqKey.set(`${event.subscription}|${event.msgId}`, stateKey);
    const state = this.keys.get(stateKey) ?? {
      maxSeq: 0,
      maxMsgId: '',
      maxConsumer: '',
      seen: new Map(),
      reportedLate: new Set(),
    };
    this.keys.set(stateKey, state);

    const seq = event.seq;
    const previous = state.seen.get(seq);
    const base = {
      subscription: event.subscription,
      consumer: event.script,
      msgId: event.msgId,
      destination: event.destination,
      ...(key !== undefined ? { key } : {}),
      producer,
      seq,
      actualSeq: seq,
      expectedSeq: state.maxSeq + 1,
    };
    const found: AnomalyDraft[] = [];
    // A learner who acks a message and re-publishes it (retry by republish) has not processed it
    // yet: its next delivery is judged for order, not as a duplicate.
    const retriedByRepublish = origin?.retried && !origin.injectedDuplicate;
    if (previous?.acked && !retriedByRepublish) {
      found.push({
        ...base,
        kind: 'duplicate',
        cause: this.duplicateCause(event),
        relatedMsgIds: [previous.msgId],
      });
    } else if (key !== undefined && seq < state.maxSeq && !state.reportedLate.has(event.msgId)) {
      state.reportedLate.add(event.msgId);
      found.push({
        ...base,
        kind: 'out-of-order',
        cause: this.lateCause(event, state),
        relatedMsgIds: [event.msgId, state.maxMsgId],
      });
    } else if (key !== undefined && seq > state.maxSeq + 1) {
      const missing = [...range(state.maxSeq + 1, seq)].filter((s) => !state.seen.has(s));
      if (missing.length > 0) {
        found.push({
          ...base,
          expectedSeq: missing[0]!,
          kind: 'gap',
          cause: 'not delivered here (yet)',
          relatedMsgIds: [event.msgId],
        });
      }
    }
    state.seen.set(seq, { msgId: event.msgId, acked: previous?.acked ?? false });
    if (seq >= state.maxSeq) {
      state.maxSeq = seq;
      state.maxMsgId = event.msgId;
      state.maxConsumer = event.script;
    }
    return found;
  }

  private lateCause(event: TraceEventOf<'deliver'>, state: KeyState): string | undefined {
    const rec = this.history.get(event.msgId);
    if (rec?.claimed) return 'claimed pending entry';
    if (rec?.requeued) return 'requeue';
    if (rec?.retried) return 'retry';
    if (this.rebalancedSinceFirst(event)) return 'rebalance';
    if (state.maxConsumer && state.maxConsumer !== event.script)
      return 'several in flight (competing consumers)';
    if (event.redelivered) return 'redelivery';
    return 'several in flight';
  }

  private duplicateCause(event: TraceEventOf<'deliver'>): string {
    const rec = this.history.get(event.msgId);
    if (rec?.injectedDuplicate) return 'duplicate injected';
    if (rec?.claimed) return 'claimed pending entry';
    if (this.rebalancedSinceFirst(event)) return 'rebalance';
    if (rec?.retried) return 'retry';
    return 'redelivered after it was acknowledged';
  }

  private rebalancedSinceFirst(event: TraceEventOf<'deliver'>): boolean {
    const first = this.history.get(event.msgId)?.firstGeneration.get(event.subscription);
    return first !== undefined && this.history.generation(event.subscription) > first;
  }
}

function* range(from: number, to: number) {
  for (let i = from; i < to && i - from < 1000; i++) yield i;
}
