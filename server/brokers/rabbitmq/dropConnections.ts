import { setTimeout as sleep } from 'node:timers/promises';
import type { DroppedConnections } from '../../runner/brokerModule';
import { resetTcpConnections } from '../../runner/faults/tcpConnections';
import { RABBITMQ } from '../endpoints';
import { enc, management } from './managementApi';

const REASON = 'MQ Lab fault injection: connection dropped';
/** The management API lists a connection once its first statistics are in (collect_statistics_interval, 1 s). */
const LISTED_WITHIN_MS = 1500;

/**
 * Closes a script's AMQP connections the way an operator does ("Force Close" in the
 * management UI, also what a node going down does): the broker sends connection.close
 * (320 CONNECTION_FORCED) with a reason, closes the socket and requeues the connection's
 * unacknowledged messages. Connections are named by their client address, and the script's
 * local ports come from the kernel's socket table: only that script's are closed. A
 * connection the management API has not listed within 1.5 s (it lists them once their first
 * statistics are in) is reset at the TCP level instead — a connection loss all the same.
 */
export async function dropRabbitConnections(clientPorts: number[]): Promise<DroppedConnections> {
  let pending = [...clientPorts];
  let closed = 0;
  for (const deadline = Date.now() + LISTED_WITHIN_MS; ; await sleep(250)) {
    const done = await Promise.all(pending.map(forceClose));
    closed += done.filter(Boolean).length;
    pending = pending.filter((_, i) => !done[i]);
    if (pending.length === 0 || Date.now() > deadline) break;
  }
  const reset = await resetTcpConnections(RABBITMQ.port, pending);
  const how = [closed ? 'management API close' : '', reset ? 'TCP reset (ss -K)' : ''];
  return { closed: closed + reset, how: how.filter(Boolean).join(', ') || 'none open' };
}

async function forceClose(port: number): Promise<boolean> {
  const name = enc(`${RABBITMQ.host}:${port} -> ${RABBITMQ.host}:${RABBITMQ.port}`);
  try {
    await management('GET', `/connections/${name}?columns=name`);
  } catch {
    return false; // not listed (yet)
  }
  await management('DELETE', `/connections/${name}`, undefined, { 'x-reason': REASON });
  return true;
}
