'use client';

import { useSyncExternalStore } from 'react';
import type { BrokerStatus } from '@/server/protocol/brokers';

export interface BrokerStatusState {
  connected: boolean;
  /** Undefined until the server's first probe arrives. */
  statuses: BrokerStatus[] | undefined;
}

const SERVER_STATE: BrokerStatusState = { connected: false, statuses: undefined };
let state = SERVER_STATE;
const listeners = new Set<() => void>();
let wired = false;

function set(next: Partial<BrokerStatusState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  if (!wired) {
    wired = true;
    // socket.io-client loads after the page (the badge is on every page; the socket is not urgent).
    void import('./socket').then(({ getSocket }) => {
      const socket = getSocket();
      socket.on('brokers:status', (statuses) => set({ connected: true, statuses }));
      socket.on('connect', () => set({ connected: true }));
      socket.on('disconnect', () => set({ connected: false }));
      if (socket.connected) set({ connected: true });
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Live broker status pushed by the server, shared by every component on the page. */
export function useBrokerStatus(): BrokerStatusState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER_STATE,
  );
}
