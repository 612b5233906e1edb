import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { BrokerStatus } from '../protocol/brokers';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { watchBrokerStatus } from './brokerStatus';
import { registerRunHandlers, type RunHandlerDeps } from './runHandlers';
import { registerExerciseHandlers } from './exerciseHandlers';

export interface AppDeps {
  /** Probes the four brokers for real; never throws. */
  probeBrokers: () => Promise<BrokerStatus[]>;
  /** How often to re-probe while at least one client is connected. */
  statusIntervalMs?: number;
  /** Playground runs (run:start / run:stop); defaults to the real sandboxed runner. */
  runs?: RunHandlerDeps;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Attaches MQ Lab's socket.io application to an HTTP server. */
export function createApplication(httpServer: HttpServer, deps: AppDeps): AppServer {
  const io: AppServer = new Server(httpServer, {
    // Payloads are small JSON; anything large is hostile.
    maxHttpBufferSize: 1_000_000,
    serveClient: false,
  });
  const status = watchBrokerStatus(io, deps.probeBrokers, deps.statusIntervalMs ?? 3000);
  const runs = registerRunHandlers(io, deps.runs);
  registerExerciseHandlers(io, { scheduler: runs.scheduler });

  io.on('connection', (socket) => {
    status.sendTo(socket);
    runs.attach(socket);
    socket.on('brokers:refresh', async (ack) => {
      if (typeof ack !== 'function') return;
      ack({ data: await status.refresh() });
    });
  });

  io.engine.on('close', () => status.stop());
  httpServer.on('close', () => status.stop());
  return io;
}
