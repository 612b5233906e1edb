'use client';

import { useSyncExternalStore } from 'react';

export type Mark = 'knew' | 'review';
type Marks = Record<string, Mark>;

const KEY = 'mqlab:question-marks';
const EMPTY: Marks = {};
let snapshot: Marks | undefined;
const listeners = new Set<() => void>();

function read(): Marks {
  if (snapshot) return snapshot;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    snapshot = {};
    if (parsed && typeof parsed === 'object') {
      for (const [id, v] of Object.entries(parsed))
        if (v === 'knew' || v === 'review') snapshot[id] = v;
    }
  } catch {
    snapshot = {};
  }
  return snapshot;
}

export function setMark(id: string, mark: Mark) {
  snapshot = { ...read(), [id]: mark };
  localStorage.setItem(KEY, JSON.stringify(snapshot));
  listeners.forEach((l) => l());
}

/** "Knew it / review again" marks per question id, kept in this browser. */
export function usePracticeMarks(): Marks {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => EMPTY,
  );
}
