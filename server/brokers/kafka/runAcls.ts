import type {
  AclEntry,
  AclFilter,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Admin,
  ResourcePatternTypes,
} from 'kafkajs';
import { brokerSecrets, runSecret } from '../secrets';
import type { KafkaPlainSasl } from './adminClient';

/**
 * A run's own Kafka account and what it may touch. The broker's SASL/PLAIN check
 * (infra/kafka/src/main/java/dev/mqlab/kafka/RunCredentialsCallbackHandler.java) lets
 * `run-<id>` in with HMAC(kafkaAuthKey, username) and nothing is stored per run for that;
 * what the account may do are PREFIXED ACLs on the run's name prefix, granted here at
 * provision and revoked at cleanup (and by the sweep).
 */

/**
 * Kafka's ACL wire codes. kafkajs has them as enums, but Node cannot import them by name
 * (kafkajs is CommonJS and its exports object defeats Node's named-export detection).
 */
const RESOURCE = { ANY: 1, TOPIC: 2, GROUP: 3, TRANSACTIONAL_ID: 5 } as Record<
  'ANY' | 'TOPIC' | 'GROUP' | 'TRANSACTIONAL_ID',
  AclResourceTypes
>;
const PATTERN = { ANY: 1, PREFIXED: 4 } as Record<'ANY' | 'PREFIXED', ResourcePatternTypes>;
const OPERATION = { ANY: 1, ALL: 2 } as Record<'ANY' | 'ALL', AclOperationTypes>;
const PERMISSION = { ANY: 1, ALLOW: 3 } as Record<'ANY' | 'ALLOW', AclPermissionTypes>;

const RUN_USER = /^User:run-([0-9a-f]{8})$/;

export function kafkaRunUser(runId: string): string {
  return `run-${runId}`;
}

/** What the wrapper connects with: only this run's account, never the server's. */
export function kafkaRunCredentials(runId: string): KafkaPlainSasl {
  const username = kafkaRunUser(runId);
  return {
    mechanism: 'plain',
    username,
    password: runSecret(brokerSecrets().kafkaAuthKey, username),
  };
}

/**
 * Everything on topics, groups and transactional ids under the prefix (ALL includes CREATE,
 * so topics auto-create; WRITE on a topic also allows idempotent producing since Kafka 3.0).
 * Nothing on the cluster, nothing under any other name.
 */
export function runAcls(runId: string, prefix: string): AclEntry[] {
  const principal = `User:${kafkaRunUser(runId)}`;
  return [RESOURCE.TOPIC, RESOURCE.GROUP, RESOURCE.TRANSACTIONAL_ID].map((resourceType) => ({
    resourceType,
    resourceName: prefix,
    resourcePatternType: PATTERN.PREFIXED,
    principal,
    host: '*',
    operation: OPERATION.ALL,
    permissionType: PERMISSION.ALLOW,
  }));
}

/**
 * Grants the run's ACLs and waits until the broker enforces them: in KRaft the controller
 * commits them first and the broker's authorizer applies them a moment later, and a script
 * starting in between would be refused.
 */
export async function grantRunAcls(admin: Admin, runId: string, prefix: string): Promise<void> {
  const wanted = runAcls(runId, prefix);
  try {
    await admin.createAcls({ acl: wanted });
    await untilApplied(admin, runId, wanted.length);
  } catch (err) {
    // The run will not start, so nothing would clean up after it.
    await revokeRunAcls(admin, runId).catch(() => {});
    throw err;
  }
}

async function untilApplied(admin: Admin, runId: string, count: number): Promise<void> {
  const filter = runAclFilter(runId);
  for (let waited = 0; ; waited += 10) {
    const { resources } = await admin.describeAcls(filter);
    if (resources.length >= count) return;
    if (waited >= 5000) throw new Error(`Kafka did not apply the ACLs of run ${runId} within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Removes every ACL of the run's principal. */
export async function revokeRunAcls(admin: Admin, runId: string): Promise<void> {
  await admin.deleteAcls({ filters: [runAclFilter(runId)] });
}

/** Runs that still have ACLs on the broker (for the sweep). */
export async function runIdsWithAcls(admin: Admin): Promise<string[]> {
  const { resources } = await admin.describeAcls(anyAcl());
  const ids = resources.flatMap((r) => r.acls.map((a) => RUN_USER.exec(a.principal)?.[1]));
  return [...new Set(ids.filter((id): id is string => !!id))];
}

function runAclFilter(runId: string): AclFilter {
  return { ...anyAcl(), principal: `User:${kafkaRunUser(runId)}` };
}

function anyAcl(): AclFilter {
  return {
    resourceType: RESOURCE.ANY,
    resourcePatternType: PATTERN.ANY,
    operation: OPERATION.ANY,
    permissionType: PERMISSION.ANY,
  };
}
