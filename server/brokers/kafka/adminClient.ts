import { Kafka, logLevel, type Admin } from 'kafkajs';
import { KAFKA } from '../endpoints';
import { brokerSecrets } from '../secrets';

/** The server's Kafka account: the broker's only super user (infra/kafka/server.properties). */
export const KAFKA_SERVER_USER = 'mqlab';

/** SASL/PLAIN credentials as kafkajs takes them (`sasl`). */
export interface KafkaPlainSasl {
  mechanism: 'plain';
  username: string;
  password: string;
}

/** How every host-side client authenticates; never handed to a sandbox. */
export function serverKafkaSasl(): KafkaPlainSasl {
  return {
    mechanism: 'plain',
    username: KAFKA_SERVER_USER,
    password: brokerSecrets().kafkaAdminPassword,
  };
}

/** The server's own Kafka client (admin and dead-letter readers); never handed to a sandbox. */
export function serverKafka(clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: [...KAFKA.brokers],
    sasl: serverKafkaSasl(),
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });
}

/** Runs `act` with a connected admin client of `kafka`, disconnected after whatever happens. */
export async function withAdmin<T>(kafka: Kafka, act: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await act(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Deletes consumer groups, retrying in the background while a dead member still holds one. */
export async function deleteGroupsEventually(
  kafka: Kafka,
  groupIds: string[],
  untilMs = 60_000,
): Promise<string[]> {
  let left = await withAdmin(kafka, (admin) => tryDelete(admin, groupIds));
  if (left.length === 0) return [];
  const deadline = Date.now() + untilMs;
  const retry = setInterval(async () => {
    const a = kafka.admin();
    try {
      await a.connect();
      left = await tryDelete(a, left);
    } catch {
      /* broker busy: next round */
    } finally {
      await a.disconnect().catch(() => {});
    }
    if (left.length === 0 || Date.now() > deadline) clearInterval(retry);
  }, 3000);
  retry.unref();
  return left;
}

async function tryDelete(admin: ReturnType<Kafka['admin']>, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  try {
    await admin.deleteGroups(groupIds);
    return [];
  } catch (err) {
    // KafkaJSDeleteGroupsError lists the groups that failed (e.g. NON_EMPTY_GROUP until a session times out).
    const failed = (err as { groups?: { groupId: string; errorCode: number }[] }).groups ?? [];
    return failed.filter((g) => g.errorCode !== 69 /* GROUP_ID_NOT_FOUND */).map((g) => g.groupId);
  }
}
