import { RUN_NAME } from '../../runner/brokerModule';
import { redisAdmin, scanKeys } from './adminClient';
import { deleteRedisRun } from './provision';

/** Removes the ACL users and keys of dead runs. */
export async function sweepRedisRuns(isLive: (runId: string) => boolean): Promise<number> {
  const admin = redisAdmin();
  try {
    const runIds = new Set<string>();
    for (const user of (await admin.call('ACL', 'USERS')) as string[]) {
      const runId = /^mqlab-([0-9a-f]{8})$/.exec(user)?.[1];
      if (runId) runIds.add(runId);
    }
    for (const key of await scanKeys(admin, 'mqlab-*')) {
      const runId = RUN_NAME.exec(key)?.[1];
      if (runId) runIds.add(runId);
    }
    let swept = 0;
    for (const runId of runIds) {
      if (isLive(runId)) continue;
      await deleteRedisRun(admin, runId, `mqlab-${runId}.`);
      swept++;
    }
    return swept;
  } finally {
    admin.disconnect();
  }
}
