'use client';

import { useSyncExternalStore } from 'react';
import type { FlowModel } from '@/components/flow/flowModel';

/** Panels look at the run's model at most 4 times a second, all on one shared tick (one render pass). */
const POLL_MS = 250;
const subscribers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onTick: () => void): () => void {
  subscribers.add(onTick);
  timer ??= setInterval(() => subscribers.forEach((notify) => notify()), POLL_MS);
  return () => {
    subscribers.delete(onTick);
    if (subscribers.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Re-renders when the model took in new events. */
export function useModelRevision(model: FlowModel | undefined): number {
  return useModelValue(model, (m) => m.revision, -1);
}

/**
 * Re-renders only when `read` returns something new (by Object.is): a count, a string key, or an
 * object the model replaces when it changes. Keeps the page still while thousands of events arrive.
 */
export function useModelValue<T>(
  model: FlowModel | undefined,
  read: (model: FlowModel) => T,
  fallback: T,
): T {
  return useSyncExternalStore(
    subscribe,
    () => (model ? read(model) : fallback),
    () => fallback,
  );
}
