import type { DroppedConnections } from '../../runner/brokerModule';
import { resetTcpConnections } from '../../runner/faults/tcpConnections';
import { NSQ } from '../endpoints';

/**
 * nsqd has no call that closes one client's connection, so nsqd's end of the script's
 * connections is destroyed in the kernel (`ss -K`): nsqd drops the client (its in-flight
 * messages then time out and are delivered again) and nsqjs sees ECONNRESET.
 */
export async function dropNsqConnections(clientPorts: number[]): Promise<DroppedConnections> {
  return {
    closed: await resetTcpConnections(NSQ.nsqdTcpPort, clientPorts),
    how: 'TCP reset (ss -K)',
  };
}
