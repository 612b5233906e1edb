import fs from 'node:fs';
import path from 'node:path';
import { NSQ } from '../endpoints';
import { ensureNsqBinaries } from './install';
import type { LocalBroker } from './localBroker';
import { paths } from './paths';
import { spawnDetached } from './processes';

const loopback = (port: number) => `${NSQ.host}:${port}`;

/** nsqlookupd, nsqd and nsqadmin v1.3.0, built from infra/nsq; all on loopback. */
const DAEMON_ARGS = {
  nsqlookupd: () => [
    `-tcp-address=${loopback(NSQ.lookupdTcpPort)}`,
    `-http-address=${loopback(NSQ.lookupdHttpPort)}`,
    `-broadcast-address=${NSQ.host}`,
  ],
  nsqd: () => [
    `-tcp-address=${loopback(NSQ.nsqdTcpPort)}`,
    `-http-address=${loopback(NSQ.nsqdHttpPort)}`,
    `-broadcast-address=${NSQ.host}`,
    `-data-path=${paths.dataDir('nsq')}`,
    `-lookupd-tcp-address=${loopback(NSQ.lookupdTcpPort)}`,
  ],
  nsqadmin: () => [
    `-http-address=${loopback(NSQ.adminHttpPort)}`,
    `-lookupd-http-address=${loopback(NSQ.lookupdHttpPort)}`,
  ],
};

export const localNsq: LocalBroker = {
  broker: 'nsq',
  aptPackages: [],
  install: ensureNsqBinaries,
  async start(logFile) {
    fs.mkdirSync(paths.dataDir('nsq'), { recursive: true });
    // nsqd keeps retrying lookupd on its own, so all three can start at once.
    await Promise.all(
      Object.entries(DAEMON_ARGS).map(([name, args]) =>
        spawnDetached({ name, command: path.join(paths.nsqBin, name), args: args(), logFile }),
      ),
    );
  },
  async ready() {
    const ports = [NSQ.nsqdHttpPort, NSQ.lookupdHttpPort, NSQ.adminHttpPort];
    const answers = await Promise.all(ports.map((port) => pingOk(`http://${loopback(port)}/ping`)));
    return answers.every(Boolean);
  },
  processes: [
    { name: 'nsqadmin', marker: 'nsqadmin' },
    { name: 'nsqd', marker: 'nsqd' },
    { name: 'nsqlookupd', marker: 'nsqlookupd' },
  ],
  startTimeoutMs: 15_000,
  stopGraceMs: 5_000,
};

async function pingOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.ok && (await res.text()).trim() === 'OK';
  } catch {
    return false;
  }
}
