import { randomBytes } from 'node:crypto';
import { connect, type ChannelModel } from 'amqplib';
import type { BrokerSession, RunIdentity } from '../../runner/brokerModule';
import { RABBITMQ } from '../endpoints';
import { compareRabbitFigures } from './compare';
import { dropRabbitConnections } from './dropConnections';
import { injectRabbitMessage } from './inject';
import { DEAD_LETTER_QUEUE } from './instrument/names';
import { inspectRabbitRun, type RabbitInspection } from './inspect';
import { enc, management } from './managementApi';
import { observeDeadLetters } from './observeDeadLetters';
import { sampleRabbitRun } from './sample';
import { reopeningChannel } from './serverChannel';

/** Largest queue a run may fill; past it publishes are refused (policy, reject-publish). */
const MAX_QUEUE_LENGTH = 10_000;
const MAX_QUEUE_BYTES = 64 * 1024 * 1024;

/** Names in the run's vhost that are the server's: the learner's account may not touch them. */
const LEARNER_NAMES = '^(?!mqlab\\.)|^mqlab\\.tap\\.';

export function rabbitNames(runId: string) {
  return { vhost: `mqlab-${runId}`, user: `mqlab-${runId}`, serverUser: `mqlab-${runId}-server` };
}

/**
 * A run gets its own virtual host and its own account with rights only there: nothing in
 * another run's vhost is reachable from it, and deleting the vhost removes everything the
 * run made. The server watches the vhost through a second per-run account, so the broker's
 * admin account never needs rights in run vhosts (and there is no guest/guest: see
 * local/rabbitmq.ts) — a script that speaks AMQP itself cannot enter another run's vhost.
 */
export async function provisionRabbitRun(run: RunIdentity): Promise<BrokerSession> {
  const { vhost, user, serverUser } = rabbitNames(run.runId);
  const password = randomBytes(18).toString('base64url');
  const serverPassword = randomBytes(18).toString('base64url');
  await management('PUT', `/vhosts/${enc(vhost)}`, { description: `MQ Lab run ${run.runId}` });
  await Promise.all([
    // Creating a vhost over HTTP grants the creator (the server's admin) full rights in it: not needed.
    management('DELETE', `/permissions/${enc(vhost)}/${enc(RABBITMQ.username)}`),
    management('PUT', `/users/${enc(user)}`, { password, tags: '' }).then(() =>
      management('PUT', `/permissions/${enc(vhost)}/${enc(user)}`, {
        configure: LEARNER_NAMES,
        // write on the server's dead-letter queue: the wrapper binds taps to it
        write: `${LEARNER_NAMES}|^mqlab\\.dead-letters$`,
        read: LEARNER_NAMES,
      }),
    ),
    management('PUT', `/users/${enc(serverUser)}`, { password: serverPassword, tags: '' }).then(
      () =>
        management('PUT', `/permissions/${enc(vhost)}/${enc(serverUser)}`, {
          configure: '.*',
          write: '.*',
          read: '.*',
        }),
    ),
    // One after the other: RabbitMQ stores a vhost's limits as one value it reads, changes and
    // writes back, so two limits set at once can lose one (seen: max-queues gone, 10 000 queues).
    management('PUT', `/vhost-limits/${enc(vhost)}/max-connections`, {
      value: run.limits.connections,
    }).then(() =>
      management('PUT', `/vhost-limits/${enc(vhost)}/max-queues`, { value: run.limits.entities }),
    ),
    management('PUT', `/policies/${enc(vhost)}/mqlab-limits`, {
      pattern: '.*',
      'apply-to': 'queues',
      priority: 0,
      definition: {
        'max-length': MAX_QUEUE_LENGTH,
        'max-length-bytes': MAX_QUEUE_BYTES,
        overflow: 'reject-publish',
      },
    }),
  ]);

  const admin: ChannelModel = await connect({
    protocol: 'amqp',
    hostname: RABBITMQ.host,
    port: RABBITMQ.port,
    username: serverUser,
    password: serverPassword,
    vhost,
  });
  admin.on('error', () => {}); // the vhost is deleted under it at cleanup
  const channel = await admin.createChannel();
  channel.on('error', () => {});
  await channel.assertQueue(DEAD_LETTER_QUEUE, { durable: true });

  let cleaned: Promise<void> | undefined;
  let inspection: RabbitInspection | undefined;
  // Own channels for metrics and injection: a failed passive declare or publish closes its
  // channel, and the dead-letter consumer on `channel` must never be taken down with it.
  const sampling = reopeningChannel(admin);
  const publishing = reopeningChannel(admin, true);
  return {
    connection: { hostname: RABBITMQ.host, port: RABBITMQ.port, username: user, password, vhost },
    observe: (emit) => observeDeadLetters(channel, emit),
    inspect: async () => (inspection = await inspectRabbitRun(vhost, channel)).figures,
    sample: () => sampleRabbitRun(vhost, sampling),
    inject: (message) => injectRabbitMessage(publishing, message),
    dropConnections: dropRabbitConnections,
    compare: (counts, figures, events) =>
      compareRabbitFigures(
        counts,
        inspection ?? { bindings: [], exchangeTypes: new Map() },
        figures,
        events,
      ),
    cleanup: () =>
      (cleaned ??= (async () => {
        await admin.close().catch(() => {});
        await deleteRabbitRun(run.runId);
      })()),
  };
}

export async function deleteRabbitRun(runId: string): Promise<void> {
  const { vhost, user, serverUser } = rabbitNames(runId);
  await management('DELETE', `/vhosts/${enc(vhost)}`);
  await Promise.all([
    management('DELETE', `/users/${enc(user)}`),
    management('DELETE', `/users/${enc(serverUser)}`),
  ]);
}
