'use client';

import { useSyncExternalStore } from 'react';
import { getSocket } from '@/components/realtime/socket';
import { RunSession, type RunSnapshot } from './runSession';

export type { RunActionOutcome, RunnerState, RunStartOutcome } from './runSession';

let session: RunSession | undefined;
function runSession(): RunSession {
  // The page's one socket, shared with the broker badge.
  session ??= new RunSession(getSocket());
  return session;
}

const IDLE: RunSnapshot = { state: 'idle' };

/** The runtime as the playground sees it: a snapshot to render plus start, stop, faults and replay. */
export function useRunner() {
  const snapshot = useSyncExternalStore(
    (l) => runSession().subscribe(l),
    () => runSession().getSnapshot(),
    () => IDLE,
  );
  return {
    ...snapshot,
    start: (...args: Parameters<RunSession['start']>) => runSession().start(...args),
    stop: () => runSession().stop(),
    fault: (...args: Parameters<RunSession['fault']>) => runSession().fault(...args),
    replay: (msgId: string) => runSession().replay(msgId),
  };
}
