import path from 'node:path';
import type { RunLimits } from './limits';
import { INSIDE, denoBinary, runnerPaths } from './paths';

/** Everything that differs between two sandboxed scripts. */
export interface SandboxSpec {
  uid: number;
  /** Host folder with the run's files; mounted read-only at /sandbox/scripts. */
  scriptsDir: string;
  script: string;
  /** Host FIFO the sandbox runtime writes trace events to. */
  traceFifo: string;
  /** `host:port` the script may connect to: its run's broker endpoints, nothing else. */
  allowNet: string[];
  /** Extra environment for the script (a run service's connection settings). */
  env?: Record<string, string>;
  /** JSON for the sandbox runtime (removed from the environment before learner code runs). */
  runConfig: string;
  limits: RunLimits;
  /** cgroup.procs files the launcher joins before it execs (memory, pids, freezer). */
  cgroupProcs: string[];
  /** Host folder of the sandbox image (sandboxImage.ts). */
  imageDir: string;
  /** Host folder mounted as Deno's cache; read-only except while warming it. */
  denoCache: string;
  writableCache?: boolean;
}

/**
 * The launch chain, each step exec'ing the next so that the supervisor's child IS the
 * sandbox: sh (as root: join the script's cgroups) → prlimit (CPU seconds, tasks, files)
 * → setpriv (drop to the sandbox uid, no new privileges) → bwrap (new mount, pid, ipc, uts,
 * user and cgroup namespaces; only the listed files visible; empty environment) → deno
 * (no fs/run/ffi/sys permission; net only to allowNet).
 */
export function sandboxCommand(spec: SandboxSpec): { file: string; args: string[] } {
  const { limits } = spec;
  const joinCgroups =
    'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n-1)); done; exec "$@"';
  const prlimit = [
    'prlimit',
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`, // SIGXCPU at the limit (tells why), SIGKILL a second later
    `--nproc=${limits.tasks}`,
    `--nofile=${limits.openFiles}`,
    '--core=0',
    '--',
  ];
  const setpriv = [
    'setpriv',
    `--reuid=${spec.uid}`,
    `--regid=${spec.uid}`,
    '--clear-groups',
    '--no-new-privs',
    '--',
  ];
  const args = [
    '-c',
    joinCgroups,
    'mqlab-sandbox',
    String(spec.cgroupProcs.length),
    ...spec.cgroupProcs,
    ...prlimit,
    ...setpriv,
    ...bwrapArgs(spec),
    ...denoArgs(spec),
  ];
  return { file: '/bin/sh', args };
}

function bwrapArgs(spec: SandboxSpec): string[] {
  const image = spec.imageDir;
  const cache = spec.denoCache;
  return [
    'bwrap',
    '--unshare-all',
    '--share-net', // brokers are on the host's loopback; the nft rule and --allow-net bound it
    '--die-with-parent',
    '--as-pid-1', // deno is the namespace's init: no intermediate bwrap left as a zombie on hosts whose init does not reap
    '--new-session',
    '--clearenv',
    '--cap-drop',
    'ALL',
    '--hostname',
    'sandbox',
    '--ro-bind',
    '/usr',
    '/usr',
    '--symlink',
    'usr/lib',
    '/lib',
    '--symlink',
    'usr/lib64',
    '/lib64',
    '--symlink',
    'usr/bin',
    '/bin',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    String(16 * 1024 * 1024),
    '--tmpfs',
    '/tmp',
    '--dir',
    '/etc',
    '--ro-bind',
    path.join(image, 'etc', 'hosts'),
    '/etc/hosts',
    '--ro-bind',
    path.join(image, 'etc', 'passwd'),
    '/etc/passwd',
    '--dir',
    INSIDE.root,
    '--ro-bind',
    denoBinary(),
    INSIDE.deno,
    '--ro-bind',
    runnerPaths.nodeModules,
    `${INSIDE.root}/node_modules`,
    '--ro-bind',
    path.join(image, 'package.json'),
    `${INSIDE.root}/package.json`,
    '--ro-bind',
    path.join(image, 'import_map.json'),
    INSIDE.importMap,
    '--ro-bind',
    path.join(image, 'server'),
    `${INSIDE.root}/server`,
    spec.writableCache ? '--bind' : '--ro-bind',
    cache,
    INSIDE.denoCache,
    // Deno caches the learner's transpiled files here; in a read-only cache it retries the
    // write with back-off (10 + 20 + … + 50 ms) before every start. A small private tmpfs
    // takes those writes instead (the mount point is made when the cache is warmed).
    ...(spec.writableCache
      ? []
      : ['--size', String(4 * 1024 * 1024), '--tmpfs', learnerEmitDir(INSIDE.denoCache)]),
    '--ro-bind',
    spec.scriptsDir,
    INSIDE.scripts,
    '--bind',
    spec.traceFifo,
    INSIDE.traceFifo,
    '--chdir',
    INSIDE.root,
    '--setenv',
    'HOME',
    '/tmp',
    '--setenv',
    'NO_COLOR',
    '1',
    '--setenv',
    'NODE_ENV',
    'production',
    '--setenv',
    'DENO_DIR',
    INSIDE.denoCache,
    '--setenv',
    'DENO_NO_UPDATE_CHECK',
    '1',
    ...Object.entries(spec.env ?? {}).flatMap(([name, value]) => ['--setenv', name, value]),
    '--setenv',
    'MQLAB_RUN',
    spec.runConfig,
  ];
}

function denoArgs(spec: SandboxSpec): string[] {
  // V8's own heap limit gives a clear "heap out of memory" before the cgroup kills blindly.
  const heapMb = Math.floor((spec.limits.memoryBytes / 1024 / 1024) * 0.6);
  return [
    INSIDE.deno,
    'run',
    '--no-prompt',
    '--cached-only',
    '--no-remote',
    '--no-config',
    '--no-lock',
    '--node-modules-dir=manual',
    '--allow-env',
    // An empty --allow-net= would mean "everywhere": no endpoints means no network at all.
    ...(spec.allowNet.length ? [`--allow-net=${spec.allowNet.join(',')}`] : []),
    `--allow-write=${INSIDE.traceFifo}`,
    '--allow-sys=hostname', // nsqjs identifies itself with os.hostname(); inside bwrap that is "sandbox"
    `--v8-flags=--max-old-space-size=${heapMb}`,
    `--import-map=${INSIDE.importMap}`,
    `--preload=${INSIDE.preload}`,
    `${INSIDE.scripts}/${spec.script}`,
  ];
}

/** Where Deno puts the transpiled learner files, under its cache folder. */
export function learnerEmitDir(cacheDir: string): string {
  return path.join(cacheDir, 'gen', 'file', INSIDE.scripts);
}

/** Environment of the launcher itself (bwrap clears it again for the script). */
export const LAUNCH_ENV = {
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
  NODE_ENV: 'production',
} as NodeJS.ProcessEnv;
