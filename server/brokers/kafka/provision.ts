import type { BrokerSession, RunIdentity } from '../../runner/brokerModule';
import { KAFKA } from '../endpoints';
import { deleteGroupsEventually, serverKafka } from './adminClient';
import { dropKafkaConnections } from './dropConnections';
import { KafkaInjector } from './inject';
import { compareKafkaFigures, inspectKafkaRun } from './inspect';
import { DeadLetterTopics } from './observeDeadLetters';
import { KafkaSampler } from './sample';

/**
 * Kafka here has no per-run accounts: a run is its name prefix (the wrapper puts every
 * topic and group id under it). Nothing is created up front; at the end every topic and
 * group with the prefix is deleted.
 */
export async function provisionKafkaRun(run: RunIdentity): Promise<BrokerSession> {
  const kafka = serverKafka(`mqlab-server-${run.runId}`);
  let deadLetters: DeadLetterTopics | undefined;
  let cleaned: Promise<void> | undefined;
  const sampler = new KafkaSampler(kafka, run.prefix);
  const injector = new KafkaInjector(kafka, run.prefix);
  return {
    connection: { brokers: [...KAFKA.brokers] },
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
        await deleteKafkaRun(run.prefix);
      })()),
  };
}

/** Deletes every topic and consumer group under `prefix` (groups of dead members: eventually). */
export async function deleteKafkaRun(prefix: string): Promise<void> {
  const kafka = serverKafka('mqlab-cleanup');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 10_000 });
    await deleteGroupsEventually(kafka, groups);
  } finally {
    await admin.disconnect();
  }
}
