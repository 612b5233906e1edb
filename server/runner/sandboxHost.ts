import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { detectCgroupLayout, prepareCgroupParent, type CgroupLayout } from './cgroupLayout';
import { installEgressFirewall } from './egressFirewall';
import { DEFAULT_LIMITS } from './limits';
import { denoBinary, runnerPaths } from './paths';
import { RunWorkspace } from './runWorkspace';
import { ensureSandboxImage } from './sandboxImage';
import { removeStaleCgroups } from './scriptCgroup';
import { warmDenoCache } from './warmDenoCache';

export interface SandboxHost {
  cgroups: CgroupLayout;
  /** False when nft is missing or refused: Deno's --allow-net is then the only network layer. */
  firewall: boolean;
  imageHash: string;
  imageDir: string;
  denoCache: string;
}

let prepared: Promise<SandboxHost> | undefined;

/**
 * Checks and prepares, once per server process, what every sandbox needs. Fails with one
 * sentence naming the fix when a required piece is missing: the playground never runs
 * learner code with a layer silently absent (the firewall is the one optional layer).
 */
export function prepareSandboxHost(brokerPorts: number[]): Promise<SandboxHost> {
  prepared ??= prepare(brokerPorts).catch((err) => {
    prepared = undefined;
    throw err;
  });
  return prepared;
}

async function prepare(brokerPorts: number[]): Promise<SandboxHost> {
  if (process.platform !== 'linux')
    throw new SandboxUnavailable('the playground sandbox needs Linux');
  if (process.getuid?.() !== 0) {
    throw new SandboxUnavailable(
      'the playground sandbox needs root (to create cgroups and switch to sandbox uids)',
    );
  }
  for (const tool of ['bwrap', 'setpriv', 'prlimit', 'mkfifo']) {
    if (!onPath(tool))
      throw new SandboxUnavailable(`${tool} is missing — run scripts/install-sandbox.sh`);
  }
  if (!fs.existsSync(denoBinary()))
    throw new SandboxUnavailable('the Deno binary is missing — run npm install');
  const cgroups = detectCgroupLayout();
  if (!cgroups)
    throw new SandboxUnavailable('no usable memory+pids cgroup controller under /sys/fs/cgroup');
  prepareCgroupParent(cgroups);
  // Sandboxes of runs whose process died (a crash, kill -9) are killed and their groups removed.
  await removeStaleCgroups(cgroups, (runId) => RunWorkspace.isLive(runId));

  const image = ensureSandboxImage();
  fs.mkdirSync(runnerPaths.runs, { recursive: true, mode: 0o755 });
  fs.chmodSync(runnerPaths.sandbox, 0o755);
  await warmDenoCache(cgroups, image.hash, DEFAULT_LIMITS);

  let firewall = false;
  if (onPath('nft')) {
    try {
      await installEgressFirewall(brokerPorts);
      firewall = true;
    } catch (err) {
      console.warn(`[sandbox] nftables egress rule not installed: ${(err as Error).message}`);
    }
  }
  return {
    cgroups,
    firewall,
    imageHash: image.hash,
    imageDir: image.dir,
    denoCache: runnerPaths.denoCache(image.hash),
  };
}

export class SandboxUnavailable extends Error {}

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
