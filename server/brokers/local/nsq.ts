import fs from 'node:fs';
import path from 'node:path';
import { NSQ } from '../endpoints';
import { probeBroker } from '../probe';
import { brokerSecrets } from '../secrets';
import { ensureNsqBinaries, NSQ_AUTH } from './install';
import type { LocalBroker } from './localBroker';
import { paths, writePrivateFile } from './paths';
import { spawnDetached } from './processes';

const loopback = (port: number) => `${NSQ.host}:${port}`;

/** The auth service's key; a file (mode 0600) so it is not on a command line. */
const AUTH_KEY_FILE = path.join(paths.configDir('nsq'), 'auth.key');

/**
 * nsqlookupd, nsqd and nsqadmin v1.3.0, and MQ Lab's auth service, built from infra/nsq; all
 * on loopback. nsqd asks the auth service on every AUTH, so a client without a secret the
 * server issued cannot publish or subscribe at all (the HTTP API, closed to sandboxes, is not
 * authenticated: the server keeps using it).
 */
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
    `-auth-http-address=${loopback(NSQ.authHttpPort)}`,
  ],
  nsqadmin: () => [
    `-http-address=${loopback(NSQ.adminHttpPort)}`,
    `-lookupd-http-address=${loopback(NSQ.lookupdHttpPort)}`,
  ],
  [NSQ_AUTH]: () => [`-http-address=${loopback(NSQ.authHttpPort)}`, `-key-file=${AUTH_KEY_FILE}`],
};

export const localNsq: LocalBroker = {
  broker: 'nsq',
  aptPackages: [],
  install: ensureNsqBinaries,
  async start(logFile) {
    fs.mkdirSync(paths.dataDir('nsq'), { recursive: true });
    writeAuthKey();
    // nsqd keeps retrying lookupd and asks the auth service only on AUTH: all start at once.
    await Promise.all(
      Object.entries(DAEMON_ARGS).map(([name, args]) =>
        spawnDetached({ name, command: path.join(paths.nsqBin, name), args: args(), logFile }),
      ),
    );
  },
  async ready() {
    const ports = [NSQ.nsqdHttpPort, NSQ.lookupdHttpPort, NSQ.adminHttpPort, NSQ.authHttpPort];
    const answers = await Promise.all(ports.map((port) => pingOk(`http://${loopback(port)}/ping`)));
    // The probe also checks that nsqd uses the auth service and that it accepts the server.
    return answers.every(Boolean) && (await probeBroker('nsq')).up;
  },
  processes: [
    { name: 'nsqadmin', marker: 'nsqadmin' },
    { name: 'nsqd', marker: 'nsqd' },
    { name: NSQ_AUTH, marker: NSQ_AUTH },
    { name: 'nsqlookupd', marker: 'nsqlookupd' },
  ],
  startTimeoutMs: 15_000,
  stopGraceMs: 5_000,
};

function writeAuthKey(): void {
  writePrivateFile(AUTH_KEY_FILE, `${brokerSecrets().nsqAuthKey}\n`);
}

async function pingOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.ok && (await res.text()).trim() === 'OK';
  } catch {
    return false;
  }
}
