import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ESTABLISHED = '01';

/**
 * Local ports of the established TCP connections that `uid` owns towards any of
 * `remotePorts`, from the kernel's own tables (/proc/net/tcp, tcp6). A sandboxed script runs
 * as its own uid and cannot hide or forge what the kernel lists for it.
 */
export function connectionsOfUid(uid: number, remotePorts: readonly number[]): number[] {
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6 on this host
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 8 || f[3] !== ESTABLISHED || Number(f[7]) !== uid) continue;
      const remote = portOf(f[2]!);
      if (remotePorts.includes(remote)) ports.push(portOf(f[1]!));
    }
  }
  return ports;
}

function portOf(address: string): number {
  return parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
}

/**
 * Destroys the broker's end of these connections (`ss -K`, the kernel's SOCK_DESTROY): the
 * broker sees its socket aborted and the client gets a TCP reset — what a crashed broker
 * process or a middlebox dropping the connection looks like to both. For brokers without an
 * admin call that closes one client's connection (Kafka, NSQ). Returns how many it closed.
 */
export async function resetTcpConnections(
  serverPort: number,
  clientPorts: readonly number[],
): Promise<number> {
  if (clientPorts.length === 0) return 0;
  const peers = clientPorts.flatMap((p, i) => [...(i ? ['or'] : []), 'dport', '=', `:${p}`]);
  const filter = ['sport', '=', `:${serverPort}`, 'and', '(', ...peers, ')'];
  const { stdout } = await run('ss', ['-K', '-H', '-tn', 'state', 'established', ...filter]);
  return stdout.split('\n').filter((l) => l.trim()).length;
}
