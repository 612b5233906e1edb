import type { Socket } from 'socket.io';
import type { BrokerStatus } from '../protocol/brokers';
import type { AppServer } from './app';

/**
 * Keeps one probe loop for all clients: probes only while someone is connected and broadcasts
 * only when something changed, so an idle server does no work.
 */
export function watchBrokerStatus(
  io: AppServer,
  probe: () => Promise<BrokerStatus[]>,
  intervalMs: number,
) {
  let latest: BrokerStatus[] | undefined;
  let inFlight: Promise<BrokerStatus[]> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function refresh(): Promise<BrokerStatus[]> {
    inFlight ??= probe().finally(() => (inFlight = undefined));
    const next = await inFlight;
    if (JSON.stringify(next) !== JSON.stringify(latest)) {
      latest = next;
      io.emit('brokers:status', next);
    }
    return next;
  }

  function schedule() {
    if (timer || io.engine.clientsCount === 0) return;
    timer = setTimeout(async () => {
      timer = undefined;
      await refresh();
      schedule();
    }, intervalMs);
    timer.unref();
  }

  return {
    refresh,
    async sendTo(socket: Socket) {
      socket.emit('brokers:status', latest ?? (await refresh()));
      schedule();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
