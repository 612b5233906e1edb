import type { BrokerSession, RunIdentity } from '../../runner/brokerModule';
import { NSQ } from '../endpoints';
import { nsqAuthSecret } from './auth';
import { dropNsqConnections } from './dropConnections';
import { injectNsqMessage } from './inject';
import { compareNsqFigures, inspectNsqRun } from './inspect';
import { deleteNsqTopic, nsqdTopics } from './nsqdHttp';
import { DeadLetterTopics } from './observeDeadLetters';
import { sampleNsqRun } from './sample';

/**
 * A run is its topic-name prefix (the wrapper adds it) and an auth secret derived from it,
 * which nsqd's auth service (infra/nsq/nsqauth) accepts for topics under the prefix only.
 * Nothing is created up front; at the end every topic with the prefix is deleted with its
 * channels.
 */
export async function provisionNsqRun(run: RunIdentity): Promise<BrokerSession> {
  let deadLetters: DeadLetterTopics | undefined;
  let cleaned: Promise<void> | undefined;
  return {
    connection: { host: NSQ.host, port: NSQ.nsqdTcpPort, authSecret: nsqAuthSecret(run.prefix) },
    async observe(emit) {
      deadLetters = new DeadLetterTopics(run.prefix, emit);
      deadLetters.start();
    },
    async inspect() {
      await deadLetters?.settle();
      return inspectNsqRun(run.prefix);
    },
    compare: compareNsqFigures,
    sample: () => sampleNsqRun(run.prefix),
    inject: (message) => injectNsqMessage(run.prefix, message),
    dropConnections: dropNsqConnections,
    cleanup: () =>
      (cleaned ??= (async () => {
        deadLetters?.stop();
        await deleteNsqRun(run.prefix);
      })()),
  };
}

export async function deleteNsqRun(prefix: string): Promise<void> {
  for (const topic of await nsqdTopics(prefix)) await deleteNsqTopic(topic.topic_name);
}
