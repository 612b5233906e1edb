'use client';

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/server/protocol/events';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | undefined;

/** One socket per tab, shared by every component that talks to the server. */
export function getSocket(): AppSocket {
  socket ??= io({ transports: ['websocket', 'polling'] });
  return socket;
}
