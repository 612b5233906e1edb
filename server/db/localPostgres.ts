import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { installAptPackages, missingAptPackages, tailOfFile } from '../brokers/local/install';
import { withBrokersLock } from '../brokers/local/lock';
import { shown } from '../brokers/local/paths';
import {
  isGroupAlive,
  liveGroup,
  removePidFile,
  spawnDetached,
  waitUntil,
} from '../brokers/local/processes';
import { probePostgres } from './adminClient';
import { POSTGRES, postgresBin, postgresPaths } from './postgresPaths';
import { assertReachable, ownedDir, postgresServerAccount } from './serverAccount';

/**
 * PostgreSQL as a local process, the same way the brokers run: installed with apt only when
 * missing, its own data folder and pid file under .mqlab/, idempotent up, and down stops
 * exactly the process group it started.
 */

export type ServiceOutcome = {
  result: 'started' | 'already up' | 'stopped' | 'not running' | 'failed';
  detail: string;
};

const MARKER = 'postgres';
const START_TIMEOUT_MS = 30_000;

export function upPostgres(): Promise<ServiceOutcome> {
  return withBrokersLock(async () => {
    const before = await probePostgres();
    if (before.up) return { result: 'already up', detail: before.detail };
    try {
      await stopPostgresProcess();
      await installAptPackages(missingAptPackages([POSTGRES.aptPackage]), postgresPaths.logFile);
      fs.appendFileSync(
        postgresPaths.logFile,
        `=== mqlab brokers up postgres at ${new Date().toISOString()} ===\n`,
      );
      initDataDirOnce();
      writeHbaFile();
      await startServer();
      const after = await probePostgres();
      return { result: 'started', detail: after.detail };
    } catch (err) {
      await stopPostgresProcess();
      const tail = `--- last 20 lines of ${shown(postgresPaths.logFile)} ---\n${tailOfFile(postgresPaths.logFile, 20)}`;
      return { result: 'failed', detail: `${(err as Error).message}\n${tail}` };
    }
  });
}

export function downPostgres(): Promise<ServiceOutcome> {
  return withBrokersLock(async () => {
    const outcome = await stopPostgresProcess();
    return outcome === 'not running'
      ? { result: 'not running', detail: 'no pid file in .mqlab/run' }
      : { result: 'stopped', detail: `postgres ${outcome}` };
  });
}

/** For callers that need the database (the grader): starts it if it is down, else does nothing. */
export async function ensurePostgresUp(): Promise<void> {
  if ((await probePostgres()).up) return;
  const outcome = await upPostgres();
  if (outcome.result === 'failed') throw new Error(`PostgreSQL could not start: ${outcome.detail}`);
}

function initDataDirOnce(): void {
  const account = postgresServerAccount();
  assertReachable(postgresPaths.dataDir, account);
  ownedDir(postgresPaths.socketDir, account, 0o700);
  fs.mkdirSync(path.dirname(postgresPaths.logFile), { recursive: true });
  if (fs.existsSync(path.join(postgresPaths.dataDir, 'PG_VERSION'))) return;
  ownedDir(postgresPaths.dataDir, account, 0o700);
  const init = spawnSync(
    postgresBin('initdb'),
    [
      '-D',
      postgresPaths.dataDir,
      '-U',
      POSTGRES.adminUser,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ],
    { uid: account.uid, gid: account.gid, encoding: 'utf8', cwd: postgresPaths.dataDir },
  );
  fs.appendFileSync(postgresPaths.logFile, `${init.stdout ?? ''}${init.stderr ?? ''}`);
  if (init.status !== 0)
    throw new Error(`initdb failed (exit ${init.status}): ${init.stderr || init.error}`);
}

/**
 * Who may connect how. The superuser only over the 0700 Unix socket; over TCP, a role only
 * to the database of the same name (`sameuser`) — each run's role reaches its own database
 * and nothing else.
 */
function writeHbaFile(): void {
  fs.mkdirSync(postgresPaths.configDir, { recursive: true });
  const hba = [
    '# Written by mqlab on every start; edits are overwritten.',
    `local   all        ${POSTGRES.adminUser}   trust`,
    `host    all        ${POSTGRES.adminUser}   0.0.0.0/0   reject`,
    'host    sameuser   all        127.0.0.1/32   scram-sha-256',
    '',
  ].join('\n');
  fs.writeFileSync(postgresPaths.hbaFile, hba, { mode: 0o644 });
}

async function startServer(): Promise<void> {
  const account = postgresServerAccount();
  const settings = {
    listen_addresses: POSTGRES.host,
    port: String(POSTGRES.port),
    unix_socket_directories: postgresPaths.socketDir,
    hba_file: postgresPaths.hbaFile,
    password_encryption: 'scram-sha-256',
    max_connections: '200',
    shared_buffers: '64MB',
    // A lab database whose every run database is thrown away: durability buys nothing here.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    logging_collector: 'off',
    log_min_messages: 'warning',
  };
  const args = [
    '-D',
    postgresPaths.dataDir,
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  await spawnDetached({
    name: postgresPaths.pidName,
    command: postgresBin('postgres'),
    args,
    logFile: postgresPaths.logFile,
    cwd: postgresPaths.dataDir,
    uid: account.uid,
    gid: account.gid,
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if ((await probePostgres()).up) return;
    if (liveGroup(postgresPaths.pidName, MARKER) === undefined)
      throw new Error('postgres exited during startup');
    if (Date.now() > deadline)
      throw new Error(`postgres was not ready after ${START_TIMEOUT_MS / 1000} s`);
    await sleep(200);
  }
}

/**
 * SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every session to end);
 * SIGKILL only if it did not finish within the grace period.
 */
async function stopPostgresProcess(): Promise<'stopped' | 'killed' | 'not running'> {
  const pgid = liveGroup(postgresPaths.pidName, MARKER);
  if (pgid === undefined) return 'not running';
  signal(pgid, 'SIGINT');
  let outcome: 'stopped' | 'killed' = 'stopped';
  if (!(await waitUntil(() => !isGroupAlive(pgid), 10_000))) {
    signal(pgid, 'SIGKILL');
    outcome = 'killed';
    await waitUntil(() => !isGroupAlive(pgid), 3000);
  }
  removePidFile(postgresPaths.pidName);
  return outcome;
}

function signal(pgid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pgid, name); // the postmaster itself: it stops its own children in order
  } catch {
    // Already gone.
  }
}
