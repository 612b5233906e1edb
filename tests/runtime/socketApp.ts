import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/protocol/events';
import { createApplication, type AppServer } from '../../server/socket/app';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The real socket.io application (run, fault, replay and exercise handlers) on an ephemeral
 * port for the calling suite, with no broker probing; `client()` connects a browser-like
 * client. Everything is closed after the suite.
 */
export function useSocketApp() {
  let app: AppServer;
  let url = '';
  const clients: Client[] = [];
  before(async () => {
    const http = createServer();
    app = createApplication(http, { probeBrokers: async () => [], statusIntervalMs: 60_000 });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const c of clients) c.disconnect();
    await new Promise((resolve) => app.close(resolve));
  });
  return {
    async client(): Promise<Client> {
      const socket: Client = connect(url, { transports: ['websocket'] });
      clients.push(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      return socket;
    },
  };
}
