import type { BrokerSession, RunIdentity } from '../../runner/brokerModule';
import { KAFKA } from '../endpoints';
import { deleteGroupsEventually, serverKafka, withAdmin } from './adminClient';
import { dropKafkaConnections } from './dropConnections';
import { KafkaInjector } from './inject';
import { compareKafkaFigures, inspectKafkaRun } from './inspect';
import { DeadLetterTopics } from './observeDeadLetters';
import { grantRunAcls, kafkaRunCredentials, revokeRunAcls } from './runAcls';
import { KafkaSampler } from './sample';

/**
 * A run gets its own SASL account (`run-<id>`, a password only the server can derive) and
 * PREFIXED ACLs on its name prefix, under which the wrapper puts every topic and group id:
 * a script that bypasses the wrapper still reaches nothing else. At the end the ACLs, and
 * every topic and group with the prefix, are deleted.
 */
export async function provisionKafkaRun(run: RunIdentity): Promise<BrokerSession> {
  const kafka = serverKafka(`mqlab-server-${run.runId}`);
  await withAdmin(kafka, (admin) => grantRunAcls(admin, run.runId, run.prefix));
  let deadLetters: DeadLetterTopics | undefined;
  let cleaned: Promise<void> | undefined;
  const sampler = new KafkaSampler(kafka, run.prefix);
  const injector = new KafkaInjector(kafka, run.prefix);
  return {
    connection: { brokers: [...KAFKA.brokers], sasl: kafkaRunCredentials(run.runId) },
    async observe(emit) {
      deadLetters = new DeadLetterTopics(kafka, run.prefix, emit);
      deadLetters.start();
    },
    async inspect() {
      await deadLetters?.settle();
      return inspectKafkaRun(kafka, run.prefix);
    },
    compare: compareKafkaFigures,
    sample: () => sampler.sample(),
    inject: (message) => injector.inject(message),
    dropConnections: dropKafkaConnections,
    cleanup: () =>
      (cleaned ??= (async () => {
        await Promise.all([deadLetters?.stop(), sampler.close(), injector.close()]);
        await deleteKafkaRun(run.runId, run.prefix);
      })()),
  };
}

/**
 * Deletes the run's ACLs first (nothing of the run can create anything after), then every
 * topic and consumer group under `prefix` (groups of dead members: eventually).
 */
export async function deleteKafkaRun(runId: string, prefix: string): Promise<void> {
  const kafka = serverKafka('mqlab-cleanup');
  await withAdmin(kafka, async (admin) => {
    await revokeRunAcls(admin, runId);
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 10_000 });
    await deleteGroupsEventually(kafka, groups);
  });
}
