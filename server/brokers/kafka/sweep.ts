import { RUN_NAME, runPrefix } from '../../runner/brokerModule';
import { deleteKafkaRun } from './provision';
import { serverKafka, withAdmin } from './adminClient';
import { runIdsWithAcls } from './runAcls';

/** Deletes the ACLs, topics and groups of dead runs (a run is dead once `isLive` says so). */
export async function sweepKafkaRuns(isLive: (runId: string) => boolean): Promise<number> {
  const { names, withAcls } = await withAdmin(serverKafka('mqlab-sweep'), async (admin) => ({
    names: [
      ...(await admin.listTopics()),
      ...(await admin.listGroups()).groups.map((g) => g.groupId),
    ],
    withAcls: await runIdsWithAcls(admin),
  }));
  const runIds = new Set([
    ...names.map((n) => RUN_NAME.exec(n)?.[1]).filter((id): id is string => !!id),
    ...withAcls,
  ]);
  let swept = 0;
  for (const runId of runIds) {
    if (isLive(runId)) continue;
    await deleteKafkaRun(runId, runPrefix(runId));
    swept++;
  }
  return swept;
}
