'use client';

import { useSyncExternalStore } from 'react';
import { parseProgress, type ExerciseProgress, type ProgressMap } from './progress';

const KEY = 'mqlab:exercises:v1';
const EMPTY: ProgressMap = {};
let snapshot: ProgressMap | undefined;
const listeners = new Set<() => void>();

function read(): ProgressMap {
  snapshot ??= parseProgress(localStorage.getItem(KEY));
  return snapshot;
}

function notify() {
  listeners.forEach((l) => l());
}

/** Changes one exercise's progress and saves it; a full storage costs the save, not the page. */
export function updateProgress(
  id: string,
  change: (entry: ExerciseProgress | undefined) => ExerciseProgress,
): void {
  snapshot = { ...read(), [id]: change(read()[id]) };
  try {
    localStorage.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // quota: the progress still shows for this visit
  }
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab checked an exercise: show it here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    snapshot = undefined;
    notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Every exercise's progress in this browser (empty on the server and during hydration). */
export function useExerciseProgress(): ProgressMap {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}
