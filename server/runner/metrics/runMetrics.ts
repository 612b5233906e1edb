import { RUN_ACTOR } from '../../protocol/trace';
import type { Run } from '../run';
import { TraceWindow } from './traceWindow';

export const METRICS_INTERVAL_MS = 1000;

/**
 * Emits a `metrics` event every `intervalMs` while the run is live: the trace's rates and
 * latencies over the interval and the broker's own figures for the run's entities, read
 * then (BrokerSession.sample). A slow broker read is never overlapped: that tick is skipped
 * and the next interval is longer. Stops by itself when the run ends.
 */
export function startRunMetrics(run: Run, intervalMs = METRICS_INTERVAL_MS): { stop(): void } {
  const window = new TraceWindow(Date.now());
  for (const event of run.trace.all()) window.add(event);
  const unsubscribe = run.trace.subscribe((event) => window.add(event));
  let busy = false;
  const tick = async () => {
    if (busy || run.isEnding || !run.session) return;
    busy = true;
    try {
      const ts = Date.now();
      const trace = window.take(ts);
      let broker = {};
      let brokerError: string | undefined;
      try {
        broker = await run.session.sample();
      } catch (err) {
        brokerError = (err as Error).message;
      }
      if (run.isEnding) return;
      run.emit({
        type: 'metrics',
        ts,
        script: RUN_ACTOR,
        figures: { ...trace, broker, brokerTs: ts, ...(brokerError ? { brokerError } : {}) },
      });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  const stop = () => {
    clearInterval(timer);
    unsubscribe();
  };
  void run.done.finally(stop);
  return { stop };
}
