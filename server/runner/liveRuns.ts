import type { Run } from './run';

/**
 * The runs of this process. On exit — even process.exit() from a signal handler — every
 * sandbox process is SIGKILLed synchronously; bwrap's --die-with-parent covers a crash.
 * Broker entities of runs that could not end cleanly are removed by the next sweep.
 */
export const liveRuns = new Map<string, Run>();
const scriptPids = new Map<string, () => number[]>();

export function trackRun(run: Run, pidsOf: () => number[]): void {
  liveRuns.set(run.id, run);
  scriptPids.set(run.id, pidsOf);
  void run.done.finally(() => {
    liveRuns.delete(run.id);
    scriptPids.delete(run.id);
  });
}

/** Ends every live run properly (broker cleanup included); for graceful shutdowns. */
export async function stopAllRuns(
  reason = 'shutdown',
  message = 'the server is shutting down',
): Promise<void> {
  await Promise.all([...liveRuns.values()].map((run) => run.stop(reason, message)));
}

process.once('exit', () => {
  for (const pidsOf of scriptPids.values()) {
    for (const pid of pidsOf()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
});
