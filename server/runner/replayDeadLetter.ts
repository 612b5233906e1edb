import type { TraceEventOf } from '../protocol/trace';
import { FaultRefused, replayMessage } from './faults/injectedMessages';
import { injectTraced } from './injectTraced';
import type { Run } from './run';

/**
 * The dead-letter panel's replay: republishes a dead-lettered message of a live run to where
 * it was first published, with its stamp, so its timeline continues and the consumers are
 * judged on it like on any retry. Resolves with the `produce` event; FaultRefused when the
 * run is not live or the message cannot be replayed.
 */
export async function replayDeadLetter(run: Run, msgId: string): Promise<TraceEventOf<'produce'>> {
  if (run.isEnding || !run.session) throw new FaultRefused('the run is not live');
  const message = replayMessage(run.trace.all(), run.broker, msgId);
  return injectTraced(run, message, { republished: true });
}
