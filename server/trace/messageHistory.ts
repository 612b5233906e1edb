import type { TraceEvent } from '../protocol/trace';

/** What the run has seen happen to one message, by msgId. */
export interface MessageRecord {
  producer?: string;
  destination?: string;
  key?: string;
  seq?: number;
  requeued: boolean;
  /** Rejected without requeue, dead-lettered, or republished by the learner: any later copy is a retry. */
  retried: boolean;
  claimed: boolean;
  /** Copies injected on purpose (fault injection marks them). */
  injectedDuplicate: boolean;
  /** Deliveries per subscription. */
  deliveries: Map<string, number>;
  /** Rebalance generation of the subscription at its first delivery there. */
  firstGeneration: Map<string, number>;
}

/**
 * Per-message bookkeeping for a run: counts attempts (the server's count, not the script's)
 * and remembers requeues, retries, claims and rebalances so anomalies can name their cause.
 */
export class MessageHistory {
  private readonly messages = new Map<string, MessageRecord>();
  private readonly generations = new Map<string, number>();

  get(msgId: string): MessageRecord | undefined {
    return this.messages.get(msgId);
  }

  generation(subscription: string): number {
    return this.generations.get(subscription) ?? 0;
  }

  /**
   * Updates the history. Returns what the server adds to the event: a `deliver`'s attempt
   * number, a `dead-letter`'s delivery count when the broker did not say.
   */
  record(event: Pick<TraceEvent, 'type'> & Record<string, unknown>): {
    attempt?: number;
    attempts?: number;
  } {
    if (
      event.type === 'declare' &&
      event.kind === 'group' &&
      (event.detail as { rebalance?: boolean })?.rebalance
    ) {
      const name = String(event.name);
      this.generations.set(name, this.generation(name) + 1);
      return {};
    }
    if (event.type === 'fault' && event.kind === 'duplicate') {
      // Fault injection names the message it copied in detail.msgId.
      const copied = (event.detail as { msgId?: unknown } | undefined)?.msgId;
      if (typeof copied === 'string') this.touch(copied).injectedDuplicate = true;
      return {};
    }
    const msgId = typeof event.msgId === 'string' ? event.msgId : undefined;
    if (!msgId) return {};
    const rec = this.touch(msgId);
    switch (event.type) {
      case 'produce':
        if (event.republished) rec.retried = true;
        rec.producer ??= event.producer as string | undefined;
        rec.destination ??= event.destination as string | undefined;
        rec.key ??= event.key as string | undefined;
        rec.seq ??= event.seq as number | undefined;
        return {};
      case 'deliver': {
        const sub = String(event.subscription);
        const attempt = (rec.deliveries.get(sub) ?? 0) + 1;
        rec.deliveries.set(sub, attempt);
        if (attempt === 1) rec.firstGeneration.set(sub, this.generation(sub));
        rec.producer ??= event.producer as string | undefined;
        rec.seq ??= event.seq as number | undefined;
        return { attempt };
      }
      case 'requeue':
        rec.requeued = true;
        return {};
      case 'nack':
        rec.retried = true;
        return {};
      case 'dead-letter': {
        rec.retried = true;
        const attempts = rec.deliveries.get(String(event.originalDestination));
        return event.attempts === undefined && attempts ? { attempts } : {};
      }
      case 'claim':
        rec.claimed = true;
        return {};
      default:
        return {};
    }
  }

  private touch(msgId: string): MessageRecord {
    let rec = this.messages.get(msgId);
    if (!rec) {
      rec = {
        requeued: false,
        retried: false,
        claimed: false,
        injectedDuplicate: false,
        deliveries: new Map(),
        firstGeneration: new Map(),
      };
      this.messages.set(msgId, rec);
    }
    return rec;
  }
}
