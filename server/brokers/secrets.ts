import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MQLAB_DIR } from './local/paths';

/**
 * Broker credentials only the MQ Lab server knows. Created once per checkout in
 * `.mqlab/secrets.json` (mode 0600, owned by the server's user; sandboxes never see `.mqlab`),
 * read by the local brokers' start-up, by docker compose (as environment) and by every
 * server-side client. Learner runs get per-run credentials derived from these, never these.
 */
export interface BrokerSecrets {
  /** Password of Redis's `default` user (the server's account). */
  redisPassword: string;
  /** Password of RabbitMQ's administrator account used by the server. */
  rabbitmqPassword: string;
  /** Key the NSQ auth service checks per-run secrets with (see runSecret). */
  nsqAuthKey: string;
  /** Password of the server's Kafka super user. */
  kafkaAdminPassword: string;
  /** Key Kafka's SASL/PLAIN check derives per-run passwords with (see runSecret). */
  kafkaAuthKey: string;
}

const SECRETS_FILE = path.join(MQLAB_DIR, 'secrets.json');
const FIELDS: (keyof BrokerSecrets)[] = [
  'redisPassword',
  'rabbitmqPassword',
  'nsqAuthKey',
  'kafkaAdminPassword',
  'kafkaAuthKey',
];

let cached: BrokerSecrets | undefined;

/** The checkout's broker secrets; created with fresh random values on first use. */
export function brokerSecrets(retried = false): BrokerSecrets {
  if (cached) return cached;
  let stored: Partial<BrokerSecrets> = {};
  try {
    stored = JSON.parse(fs.readFileSync(SECRETS_FILE, 'utf8')) as Partial<BrokerSecrets>;
  } catch {
    // missing or unreadable: fill in below
  }
  const missing = FIELDS.filter((f) => typeof stored[f] !== 'string' || !stored[f]);
  if (missing.length === 0) return (cached = stored as BrokerSecrets);
  for (const field of missing) stored[field] = randomBytes(24).toString('base64url');
  fs.mkdirSync(MQLAB_DIR, { recursive: true });
  if (Object.keys(stored).length === missing.length) {
    // A new file: created exclusively, so two processes starting at once agree on one set.
    try {
      fs.writeFileSync(SECRETS_FILE, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (retried)
        throw new Error(
          `${SECRETS_FILE} is not readable JSON: fix or delete it (then restart the brokers)`,
        );
      return brokerSecrets(true); // another process made it first: use its values
    }
  } else {
    // Fields added by a newer version: the existing ones stay as the brokers know them.
    const tmp = `${SECRETS_FILE}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, SECRETS_FILE);
  }
  cached = stored as BrokerSecrets;
  return cached;
}

/**
 * A per-run secret a broker-side check can verify without any shared state:
 * HMAC-SHA256(key, name), base64url. `name` is the run's account or prefix.
 */
export function runSecret(key: string, name: string): string {
  return createHmac('sha256', key).update(name).digest('base64url');
}
