import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SANDBOX_UID_FIRST, SANDBOX_UID_LAST } from './sandboxUids';

const run = promisify(execFile);
const TABLE = 'mqlab_sandbox';

/**
 * Second network layer under Deno's --allow-net: the kernel rejects every packet a sandbox
 * uid sends, except TCP to the broker ports on loopback. Replaced atomically, so calling it
 * again (another server start, new ports) is safe.
 */
export async function installEgressFirewall(brokerPorts: number[]): Promise<void> {
  const uids = `${SANDBOX_UID_FIRST}-${SANDBOX_UID_LAST}`;
  const ports = [...new Set(brokerPorts)].sort((a, b) => a - b).join(', ');
  const rules = `
table inet ${TABLE}
delete table inet ${TABLE}
table inet ${TABLE} {
  chain output {
    type filter hook output priority 0; policy accept;
    meta skuid ${uids} ip daddr 127.0.0.1 tcp dport { ${ports} } accept
    meta skuid ${uids} counter reject
  }
}
`;
  const child = run('nft', ['-f', '-']);
  child.child.stdin?.end(rules);
  await child;
}

/** Packets from sandbox uids the firewall rejected since it was installed (for tests). */
export async function rejectedPacketCount(): Promise<number> {
  const { stdout } = await run('nft', ['list', 'table', 'inet', TABLE]);
  return Number(/counter packets (\d+)/.exec(stdout)?.[1] ?? 0);
}
