import { TRACE_BATCH_MS } from '../protocol/run';
import type { LogEvent, TraceEvent } from '../protocol/trace';
import type { Run } from '../runner/run';
import type { AppServer } from './app';

/**
 * Streams one run to its socket.io room: trace events and console lines in batches (at most
 * one of each per TRACE_BATCH_MS, however many thousand events a second the scripts make),
 * then `run:ended`. Replays from the run's first event, so nothing before joining is lost.
 */
export async function relayRun(io: AppServer, room: string, run: Run): Promise<void> {
  let trace: TraceEvent[] = [];
  let logs: LogEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (trace.length) io.to(room).emit('run:trace', { runId: run.id, events: trace });
    if (logs.length) io.to(room).emit('run:log', { runId: run.id, events: logs });
    trace = [];
    logs = [];
  };
  for await (const event of run.trace) {
    if (event.type === 'run-end') {
      flush();
      io.to(room).emit('run:ended', event);
      return;
    }
    if (event.type === 'log') logs.push(event);
    else trace.push(event);
    timer ??= setTimeout(flush, TRACE_BATCH_MS);
  }
  flush();
}
