import { eventsOf, type Evidence } from '../../server/exercises/checkKit';

/** The rule the statement sets; the grader judges the alerts against it. */
export const RULE = { threshold: 40, forMs: 1500, cooldownMs: 30_000 };

export interface BacklogPeriod {
  /** When the backlog went over the threshold, and when it came back to it or below. */
  from: number;
  to: number;
  peak: number;
}

/**
 * The backlog of `orders` over time, from the trace itself: +1 for every order the shop
 * published, −1 for every delivery to fulfilment — the messages ready in the queue, which is
 * what the broker reports as its depth. (The monitor's own readings are what is judged.)
 */
export function backlogPeriods(e: Evidence): BacklogPeriod[] {
  const steps = [
    ...eventsOf(e, 'produce', { script: 'shop.ts', destination: 'orders' }).map((p) => ({
      ts: p.ts,
      d: 1,
    })),
    ...deliveries(e).map((a) => ({ ts: a.ts, d: -1 })),
  ].sort((a, b) => a.ts - b.ts);
  const periods: BacklogPeriod[] = [];
  let depth = 0;
  let open: BacklogPeriod | undefined;
  for (const { ts, d } of steps) {
    depth += d;
    if (depth > RULE.threshold) {
      open ??= { from: ts, to: Number.POSITIVE_INFINITY, peak: depth };
      open.peak = Math.max(open.peak, depth);
    } else if (open) {
      open.to = ts;
      periods.push(open);
      open = undefined;
    }
  }
  if (open) periods.push(open);
  return periods;
}

/** The first backlog that lasted at least the rule's duration: the one that must fire. */
export function sustainedBacklog(e: Evidence): BacklogPeriod | undefined {
  return backlogPeriods(e).find((p) => p.to - p.from >= RULE.forMs);
}

/** The backlog at time `ts`, from the trace. */
export function backlogAt(e: Evidence, ts: number): number {
  const published = eventsOf(e, 'produce', { script: 'shop.ts', destination: 'orders' }).filter(
    (p) => p.ts <= ts,
  ).length;
  return published - deliveries(e).filter((d) => d.ts <= ts).length;
}

function deliveries(e: Evidence) {
  return eventsOf(e, 'deliver', { script: 'fulfilment.ts', subscription: 'orders' });
}
