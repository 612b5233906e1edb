import { BROKER_MODULES } from './brokerModules';
import { RunWorkspace } from './runWorkspace';
import type { SandboxHost } from './sandboxHost';
import { removeStaleCgroups } from './scriptCgroup';

export interface SweepReport {
  /** Things removed per broker, or the error that kept the sweep from it. */
  brokers: Record<string, number | string>;
  folders: number;
  cgroups: number;
}

/**
 * Removes everything left by runs whose MQ Lab process is gone (a crash, a kill -9, a
 * restart): their broker vhosts / users / topics / keys, their folders and cgroups. Runs of
 * live processes — this server, a concurrent `mqlab run` — are kept.
 */
export async function sweepLeftovers(host?: SandboxHost): Promise<SweepReport> {
  const isLive = (runId: string) => RunWorkspace.isLive(runId);
  const brokers: Record<string, number | string> = {};
  await Promise.all(
    Object.values(BROKER_MODULES).map(async (module) => {
      try {
        brokers[module.broker] = await module.sweep(isLive);
      } catch (err) {
        brokers[module.broker] = `not swept: ${(err as Error).message}`;
      }
    }),
  );
  // (The sandbox host also does this when a process prepares it.)
  const cgroups = host ? await removeStaleCgroups(host.cgroups, isLive) : 0;
  const folders = RunWorkspace.removeDead();
  return { brokers, folders, cgroups };
}

let sweptOnce: Promise<SweepReport> | undefined;

/** The sweep a process does once: at server start, or before the CLI's first run. */
export function sweepOnce(host?: SandboxHost): Promise<SweepReport> {
  sweptOnce ??= sweepLeftovers(host);
  return sweptOnce;
}
