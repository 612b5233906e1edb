import { runPrefix } from '../../runner/brokerModule';
import { deleteKafkaRun } from './provision';
import { serverKafka } from './adminClient';
import { runIdsWithAcls } from './runAcls';

/** Deletes the ACLs, topics and groups of dead runs (a run is dead once `isLive` says so). */
export async function sweepKafkaRuns(isLive: (runId: string) => boolean): Promise<number> {
  const admin = serverKafka('mqlab-sweep').admin();
  await admin.connect();
  let names: string[];
  let withAcls: string[];
  try {
    names = [
      ...(await admin.listTopics()),
      ...(await admin.listGroups()).groups.map((g) => g.groupId),
    ];
    withAcls = await runIdsWithAcls(admin);
  } finally {
    await admin.disconnect();
  }
  const runIds = new Set([
    ...names.map((n) => /^mqlab-([0-9a-f]{8})\./.exec(n)?.[1]).filter((id): id is string => !!id),
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
