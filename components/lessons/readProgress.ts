'use client';

import { useSyncExternalStore } from 'react';

const KEY = 'mqlab:lessons-read';
const EMPTY: string[] = [];
let snapshot: string[] | undefined;
const listeners = new Set<() => void>();

function read(): string[] {
  if (snapshot) return snapshot;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    snapshot = Array.isArray(parsed)
      ? parsed.filter((s): s is string => typeof s === 'string')
      : [];
  } catch {
    snapshot = [];
  }
  return snapshot;
}

export function markLessonRead(slug: string) {
  const current = read();
  if (current.includes(slug)) return;
  snapshot = [...current, slug];
  localStorage.setItem(KEY, JSON.stringify(snapshot));
  listeners.forEach((l) => l());
}

/** Slugs of lessons this browser has read to the end. */
export function useReadLessons(): string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      const onStorage = (e: StorageEvent) => {
        if (e.key === KEY) {
          snapshot = undefined;
          l();
        }
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(l);
        window.removeEventListener('storage', onStorage);
      };
    },
    read,
    () => EMPTY,
  );
}
