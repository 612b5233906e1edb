import type { TraceEvent } from '../protocol/trace';
import type { Counts } from '../trace/traceCounts';
import type { Agreement, BrokerFigures, BrokerSession } from './brokerModule';

/**
 * The broker's own figures for a finished run and where they agree with the trace. A broker
 * that cannot be read makes both empty; `onError` says why (the run still ends normally).
 */
export async function readBrokerFigures(
  session: BrokerSession | undefined,
  counts: Counts,
  events: readonly TraceEvent[],
  onError: (message: string) => void,
): Promise<{ figures: BrokerFigures; agreement: Agreement[] }> {
  if (!session) return { figures: {}, agreement: [] };
  try {
    const figures = await session.inspect();
    return { figures, agreement: session.compare(counts, figures, events) };
  } catch (err) {
    onError(`reading the broker's figures failed: ${(err as Error).message}`);
    return { figures: {}, agreement: [] };
  }
}
