import fs from 'node:fs';
import path from 'node:path';
import { runnerPaths } from './paths';

/**
 * Host uids for sandboxed scripts: one per live script, never a real account's. A script's
 * uid is what the egress firewall matches (nft `meta skuid`) and what RLIMIT_NPROC counts.
 * Claimed with a lock file per uid, so the web server and `mqlab run` never share one.
 */
export const SANDBOX_UID_FIRST = Number(process.env.MQLAB_SANDBOX_UID_FIRST ?? 61000);
export const SANDBOX_UID_COUNT = 256;
export const SANDBOX_UID_LAST = SANDBOX_UID_FIRST + SANDBOX_UID_COUNT - 1;

const lockDir = () => path.join(runnerPaths.runs, '.uids');
let next = Math.floor(Math.random() * SANDBOX_UID_COUNT);

export function allocateSandboxUid(): number {
  fs.mkdirSync(lockDir(), { recursive: true });
  for (let i = 0; i < SANDBOX_UID_COUNT; i++) {
    const uid = SANDBOX_UID_FIRST + ((next + i) % SANDBOX_UID_COUNT);
    if (claim(uid)) {
      // Rotate so a uid is not reused at once (its last processes may still be being reaped).
      next = (next + i + 1) % SANDBOX_UID_COUNT;
      return uid;
    }
  }
  throw new Error('no free sandbox uid: too many scripts running');
}

export function releaseSandboxUid(uid: number): void {
  fs.rmSync(path.join(lockDir(), String(uid)), { force: true });
}

function claim(uid: number): boolean {
  const file = path.join(lockDir(), String(uid));
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const owner = Number(fs.readFileSync(file, 'utf8').trim() || 0);
    if (owner && owner !== process.pid && isAlive(owner)) return false;
    if (owner === process.pid) return false;
    fs.rmSync(file, { force: true }); // left by a dead process
    return claimOnce(file);
  }
}

function claimOnce(file: string): boolean {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
