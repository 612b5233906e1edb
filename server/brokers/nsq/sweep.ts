import { RUN_NAME } from '../../runner/brokerModule';
import { deleteNsqTopic, nsqdTopics } from './nsqdHttp';

/** Deletes the topics of dead runs. */
export async function sweepNsqRuns(isLive: (runId: string) => boolean): Promise<number> {
  const runIds = new Set<string>();
  for (const { topic_name } of await nsqdTopics('mqlab-')) {
    const runId = RUN_NAME.exec(topic_name)?.[1];
    if (!runId || isLive(runId)) continue;
    runIds.add(runId);
    await deleteNsqTopic(topic_name);
  }
  return runIds.size;
}
