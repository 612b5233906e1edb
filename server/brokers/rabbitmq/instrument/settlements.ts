import type { Message } from 'amqplib';
import { emit } from '../../../runner/inside/traceWriter.ts';

/** What a delivery was, remembered by delivery tag until the consumer settles it. */
export interface Delivered {
  msgId: string;
  destination: string;
  key?: string;
  seq?: number;
  producer?: string;
  subscription: string;
}

type Outcome = 'ack' | 'nack' | 'requeue';

/**
 * Tracks one channel's unsettled deliveries so ack / nack / reject — including `allUpTo`
 * and ackAll / nackAll — become one trace event per message, and a settle of an unknown
 * tag (which the broker will refuse) becomes none.
 */
export class Settlements {
  private readonly open = new Map<number, Delivered>();

  delivered(tag: number, what: Delivered): void {
    this.open.set(tag, what);
  }

  settle(message: Message | undefined, allUpTo: boolean, outcome: Outcome): void {
    const tag = message?.fields.deliveryTag;
    const tags = [...this.open.keys()].filter((t) =>
      tag === undefined ? true : allUpTo ? t <= tag : t === tag,
    );
    for (const t of tags) {
      const what = this.open.get(t)!;
      this.open.delete(t);
      emit({
        type: outcome,
        ...what,
        ...(outcome === 'nack' ? { requeue: false } : {}),
      });
    }
  }

  /** A closed channel settles nothing: the broker requeues; the redelivery will say so. */
  forget(): void {
    this.open.clear();
  }
}
