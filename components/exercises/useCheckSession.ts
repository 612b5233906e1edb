'use client';

import { useSyncExternalStore } from 'react';
import { getSocket } from '@/components/realtime/socket';
import { CheckSession, type CheckSnapshot } from './checkSession';
import { recordReport } from './progress';
import { updateProgress } from './progressStore';

let session: CheckSession | undefined;

/** The tab's one grader connection; a report is recorded even if its page was left meanwhile. */
function checkSession(): CheckSession {
  session ??= new CheckSession(getSocket(), (exerciseId, report) =>
    updateProgress(exerciseId, (entry) => recordReport(entry, report, Date.now())),
  );
  return session;
}

const IDLE: CheckSnapshot = { phase: 'idle' };

/** The grader as a page sees it: a snapshot plus check() and dismiss(). */
export function useCheckSession() {
  const snapshot = useSyncExternalStore(
    (l) => checkSession().subscribe(l),
    () => checkSession().getSnapshot(),
    () => IDLE,
  );
  return {
    snapshot,
    check: (...args: Parameters<CheckSession['check']>) => checkSession().check(...args),
    dismiss: () => checkSession().dismiss(),
  };
}
