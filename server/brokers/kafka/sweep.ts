import { deleteKafkaRun } from './provision';
import { serverKafka } from './adminClient';

/** Deletes the topics and groups of dead runs. */
export async function sweepKafkaRuns(isLive: (runId: string) => boolean): Promise<number> {
  const admin = serverKafka('mqlab-sweep').admin();
  await admin.connect();
  let names: string[];
  try {
    names = [
      ...(await admin.listTopics()),
      ...(await admin.listGroups()).groups.map((g) => g.groupId),
    ];
  } finally {
    await admin.disconnect();
  }
  const runIds = new Set(
    names.map((n) => /^mqlab-([0-9a-f]{8})\./.exec(n)?.[1]).filter((id): id is string => !!id),
  );
  let swept = 0;
  for (const runId of runIds) {
    if (isLive(runId)) continue;
    await deleteKafkaRun(`mqlab-${runId}.`);
    swept++;
  }
  return swept;
}
