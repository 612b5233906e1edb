import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { paths } from './paths';

/**
 * Local broker processes are spawned detached (own session, so pid = process group id) and
 * recorded in .mqlab/run/<name>.pid. Stopping signals exactly that group, nothing else.
 */

export interface SpawnSpec {
  /** Pid file name, e.g. "rabbitmq", "epmd", "nsqd". */
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  logFile: string;
  /** Run as this user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
}

export async function spawnDetached(spec: SpawnSpec): Promise<number> {
  const log = fs.openSync(spec.logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      detached: true,
      stdio: ['ignore', log, log],
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      uid: spec.uid,
      gid: spec.gid,
    });
    // 'error' (e.g. ENOENT) fires instead of 'spawn' when the binary cannot start.
    await once(child, 'spawn');
    child.unref();
    const pid = child.pid!;
    fs.writeFileSync(paths.pidFile(spec.name), `${pid}\n`);
    return pid;
  } finally {
    fs.closeSync(log);
  }
}

export function readPid(name: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(paths.pidFile(name), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function removePidFile(name: string): void {
  fs.rmSync(paths.pidFile(name), { force: true });
}

/** Processes of group `pgid` that are still running (zombies do not count). */
export function groupMembers(pgid: number): number[] {
  if (!fs.existsSync('/proc/self/stat')) return legacyGroupAlive(pgid) ? [pgid] : [];
  const members: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat && stat.pgrp === pgid && stat.state !== 'Z') members.push(Number(entry));
  }
  return members;
}

export function isGroupAlive(pgid: number): boolean {
  return groupMembers(pgid).length > 0;
}

/**
 * The pid file's process group, if it is still ours. A pid file whose group is gone, or whose
 * pid now belongs to an unrelated program (`marker` missing from its command line), is removed.
 */
export function liveGroup(name: string, marker: string): number | undefined {
  const pid = readPid(name);
  if (pid === undefined) return undefined;
  const leader = readStat(pid);
  const leaderIsOurs =
    leader?.state !== 'Z' && leader?.pgrp === pid && cmdline(pid).includes(marker);
  // A pid that is still some group's id cannot be reused, so a group without its leader is ours.
  const ours = leader && leader.state !== 'Z' ? leaderIsOurs : isGroupAlive(pid);
  if (ours) return pid;
  removePidFile(name);
  return undefined;
}

export type StopOutcome = 'stopped' | 'killed' | 'not running';

/** SIGTERM the group, SIGKILL whatever is left after `graceMs`, then drop the pid file. */
export async function stopGroup(
  name: string,
  marker: string,
  graceMs: number,
): Promise<StopOutcome> {
  const pgid = liveGroup(name, marker);
  if (pgid === undefined) return 'not running';
  signalGroup(pgid, 'SIGTERM');
  let outcome: StopOutcome = 'stopped';
  if (!(await waitUntil(() => !isGroupAlive(pgid), graceMs))) {
    signalGroup(pgid, 'SIGKILL');
    outcome = 'killed';
    await waitUntil(() => !isGroupAlive(pgid), 3000);
  }
  removePidFile(name);
  return outcome;
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function readStat(pid: number): { state: string; pgrp: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function legacyGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
