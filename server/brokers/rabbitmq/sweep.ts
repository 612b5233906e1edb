import { management } from './managementApi';
import { deleteRabbitRun } from './provision';

/** Deletes the vhost and accounts of every dead run (left by a crash or restart). */
export async function sweepRabbitRuns(isLive: (runId: string) => boolean): Promise<number> {
  const [vhosts, users] = await Promise.all([
    management<{ name: string }[]>('GET', '/vhosts?columns=name'),
    management<{ name: string }[]>('GET', '/users?columns=name'),
  ]);
  const runIds = new Set<string>();
  for (const { name } of [...vhosts, ...users]) {
    const runId = /^mqlab-([0-9a-f]{8})(?:-server)?$/.exec(name)?.[1];
    if (runId) runIds.add(runId);
  }
  let swept = 0;
  for (const runId of runIds) {
    if (isLive(runId)) continue;
    await deleteRabbitRun(runId);
    swept++;
  }
  return swept;
}
