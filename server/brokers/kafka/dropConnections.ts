import type { DroppedConnections } from '../../runner/brokerModule';
import { resetTcpConnections } from '../../runner/faults/tcpConnections';
import { KAFKA } from '../endpoints';

/**
 * Kafka has no admin call that closes one client's connection, so the broker's end of the
 * script's connections is destroyed in the kernel (`ss -K`): the broker drops the socket and
 * the script's kafkajs sees ECONNRESET — a real connection loss it must recover from
 * (kafkajs reconnects; a consumer rejoins its group).
 */
export async function dropKafkaConnections(clientPorts: number[]): Promise<DroppedConnections> {
  return { closed: await resetTcpConnections(KAFKA.port, clientPorts), how: 'TCP reset (ss -K)' };
}
