import { connect as amqpConnect } from 'amqplib';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import {
  BROKERS,
  type Broker,
  type BrokerStatus as ProtocolBrokerStatus,
} from '../protocol/brokers';
import { KAFKA, MAIN_ENDPOINT, NSQ, PINNED_VERSIONS, RABBITMQ, REDIS } from './endpoints';
import { serverNsqSecret } from './nsq/auth';
import { serverRedisOptions } from './redis/adminClient';
import { serverKafkaSasl } from './kafka/adminClient';

/** What one real client call saw: the socket protocol's status minus startCommand (added by the server). */
export type BrokerStatus = Omit<ProtocolBrokerStatus, 'startCommand'>;

/** Each probe gets this long; all four run in parallel, so a full probe stays under 2 s. */
export const PROBE_TIMEOUT_MS = 1500;

interface ProbeResult {
  version: string;
  detail: string;
}

/** A probe must release every socket when `signal` aborts, so the process can always exit. */
type Probe = (signal: AbortSignal) => Promise<ProbeResult>;

export function startCommand(broker: Broker): string {
  return `npx mqlab brokers up ${broker}`;
}

export async function probeBrokers(): Promise<BrokerStatus[]> {
  return Promise.all(BROKERS.map((broker) => probeBroker(broker)));
}

export async function probeBroker(broker: Broker): Promise<BrokerStatus> {
  const endpoint = MAIN_ENDPOINT[broker];
  const { probe, address } = PROBES[broker];
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), PROBE_TIMEOUT_MS);
  });
  try {
    const { version, detail } = await Promise.race([probe(controller.signal), deadline]);
    return { broker, up: true, version, endpoint, detail };
  } catch (err) {
    return {
      broker,
      up: false,
      version: '',
      endpoint,
      detail: explainFailure(broker, address, err),
    };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

class ProbeTimeout extends Error {}

/** The broker answers but is not the one MQ Lab configured (no authentication, other secrets). */
class ProbeRefusal extends Error {}

const PROBES: Record<Broker, { probe: Probe; address: string }> = {
  rabbitmq: { probe: probeRabbitMq, address: MAIN_ENDPOINT.rabbitmq },
  kafka: { probe: probeKafka, address: MAIN_ENDPOINT.kafka },
  nsq: { probe: probeNsq, address: `${NSQ.host}:${NSQ.nsqdHttpPort}` },
  redis: { probe: probeRedis, address: MAIN_ENDPOINT.redis },
};

async function probeRabbitMq(signal: AbortSignal): Promise<ProbeResult> {
  const connection = await amqpConnect(
    {
      hostname: RABBITMQ.host,
      port: RABBITMQ.port,
      username: RABBITMQ.username,
      password: RABBITMQ.password,
    },
    { timeout: PROBE_TIMEOUT_MS },
  ).catch((err: unknown) => {
    // Counts as down, so `brokers up` replaces it and creates the account (local/rabbitmq.ts).
    if (!/ACCESS.REFUSED/.test(String((err as Error).message))) throw err;
    throw new ProbeRefusal(
      `RabbitMQ refuses the server's account ${RABBITMQ.username} (started by an older MQ Lab, or .mqlab/secrets.json changed?)`,
    );
  });
  // The connect call cannot be cancelled; if the deadline already passed, just hang up.
  connection.on('error', () => {});
  try {
    if (signal.aborted) throw new ProbeTimeout();
    const version = String(connection.connection.serverProperties.version ?? '');
    return {
      version,
      detail: `RabbitMQ ${version} accepts AMQP connections on ${MAIN_ENDPOINT.rabbitmq}`,
    };
  } finally {
    await connection.close().catch(() => {});
  }
}

async function probeKafka(signal: AbortSignal): Promise<ProbeResult> {
  const kafka = new Kafka({
    clientId: 'mqlab-probe',
    brokers: [...KAFKA.brokers],
    sasl: serverKafkaSasl(),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: PROBE_TIMEOUT_MS,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  const hangUp = () => void admin.disconnect().catch(() => {});
  signal.addEventListener('abort', hangUp, { once: true });
  try {
    await admin.connect().catch(explainKafkaRefusal);
    const cluster = await admin.describeCluster();
    // Kafka does not report its own release over the wire; the pinned version is what we run.
    const version = PINNED_VERSIONS.kafka;
    return {
      version,
      detail: `Kafka answers admin calls on ${MAIN_ENDPOINT.kafka} (cluster ${cluster.clusterId}, ${cluster.brokers.length} broker)`,
    };
  } finally {
    signal.removeEventListener('abort', hangUp);
    await admin.disconnect().catch(() => {});
  }
}

async function probeNsq(signal: AbortSignal): Promise<ProbeResult> {
  const ping = await fetch(`${NSQ.nsqdHttpUrl}/ping`, { signal });
  const body = (await ping.text()).trim();
  if (!ping.ok || body !== 'OK') throw new Error(`nsqd /ping answered ${ping.status} ${body}`);
  const info = (await (await fetch(`${NSQ.nsqdHttpUrl}/info`, { signal })).json()) as {
    version?: string;
  };
  await checkNsqAuth(signal);
  const version = info.version ?? '';
  return {
    version,
    detail: `nsqd ${version} answers /ping on ${NSQ.host}:${NSQ.nsqdHttpPort}, clients authenticated by ${NSQ.host}:${NSQ.authHttpPort}`,
  };
}

/**
 * nsqd without an auth service (e.g. started by an MQ Lab that had none) lets any script
 * speaking NSQ use every run's topics, and an auth service that refuses the server's secret
 * leaves the server unable to read dead letters: both count as down, so `brokers up` replaces them.
 */
async function checkNsqAuth(signal: AbortSignal): Promise<void> {
  const config = await fetch(`${NSQ.nsqdHttpUrl}/config/auth_http_addresses`, { signal });
  const addresses = config.ok ? ((await config.json()) as string[] | null) : null;
  if (!addresses?.length) {
    throw new ProbeRefusal(
      `nsqd on ${NSQ.host}:${NSQ.nsqdTcpPort} does not authenticate clients (started by an older MQ Lab?)`,
    );
  }
  const query = new URLSearchParams({ secret: serverNsqSecret(), remote_ip: NSQ.host });
  let granted: unknown[] | undefined;
  try {
    const answer = await fetch(`${NSQ.authUrl}/auth?${query}`, { signal });
    granted = ((await answer.json()) as { authorizations?: unknown[] }).authorizations;
  } catch (err) {
    if (signal.aborted) throw err;
    const why = errorChain(err).join(': ');
    throw new ProbeRefusal(`the NSQ auth service does not answer on ${NSQ.authUrl} (${why})`);
  }
  if (!granted?.length) {
    throw new ProbeRefusal(
      "the NSQ auth service refuses the server's secret (its key is not the one in .mqlab/secrets.json)",
    );
  }
}

async function probeRedis(signal: AbortSignal): Promise<ProbeResult> {
  const redis = new Redis({
    host: REDIS.host,
    port: REDIS.port,
    lazyConnect: true,
    // 0 = no socket timer of its own (it outlives a refused connect); our deadline disconnects.
    connectTimeout: 0,
    // Its default 2 s timer outlives an already-closed socket and keeps the process alive.
    disconnectTimeout: 100,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    // No handshake before authenticateAsServer (RESP3's HELLO, the INFO ready check and
    // CLIENT SETINFO would all meet NOAUTH): it checks the way in itself.
    protocol: 2,
    enableReadyCheck: false,
    disableClientInfo: true,
    retryStrategy: () => null,
  });
  // ioredis rejects connect() with "Connection is closed"; the socket error arrives here first.
  let socketError: unknown;
  redis.on('error', (err) => (socketError ??= err));
  const hangUp = () => redis.disconnect();
  signal.addEventListener('abort', hangUp, { once: true });
  try {
    await redis.connect().catch((err: unknown) => {
      throw socketError ?? err;
    });
    await authenticateAsServer(redis);
    const pong = await redis.ping();
    if (pong !== 'PONG') throw new Error(`PING answered ${pong}`);
    const info = await redis.info('server');
    const version = /^redis_version:(.+)$/m.exec(info)?.[1]?.trim() ?? '';
    return { version, detail: `Redis ${version} answers PING on ${MAIN_ENDPOINT.redis}` };
  } finally {
    signal.removeEventListener('abort', hangUp);
    redis.disconnect();
  }
}

/**
 * A Redis that answers anonymous clients (e.g. started by an MQ Lab without broker passwords)
 * would let any script speaking RESP reach every run's keys, and one that refuses the
 * server's password is unusable: both count as down, so `brokers up` replaces them.
 */
async function authenticateAsServer(redis: Redis): Promise<void> {
  const anonymous = await redis.ping().then(
    () => 'answered',
    (err: unknown) => String((err as Error).message),
  );
  if (anonymous === 'answered') {
    throw new ProbeRefusal(
      `Redis on ${MAIN_ENDPOINT.redis} answers clients without a password (started by an older MQ Lab?)`,
    );
  }
  if (!anonymous.startsWith('NOAUTH')) throw new Error(anonymous);
  try {
    await redis.call('AUTH', serverRedisOptions().password);
  } catch (err) {
    throw new ProbeRefusal(
      `Redis refuses the server's password (from .mqlab/secrets.json): ${(err as Error).message}`,
    );
  }
}

/**
 * A Kafka that fails the server's SASL sign-in is either not MQ Lab's (started by an older
 * MQ Lab without authentication: it answers the handshake with ILLEGAL_SASL_STATE) or has
 * other secrets: unusable either way, so it counts as down and `brokers up` replaces it.
 */
function explainKafkaRefusal(err: unknown): never {
  const messages = errorChain(err);
  if (messages.some((m) => /SASL/i.test(m))) {
    throw new ProbeRefusal(
      `Kafka on ${MAIN_ENDPOINT.kafka} refuses the server's sign-in (SASL/PLAIN as mqlab, from .mqlab/secrets.json; a broker started by an older MQ Lab has no authentication): ${messages[0]}`,
    );
  }
  throw err;
}

/** Turns a client error into one sentence a learner can act on. */
function explainFailure(broker: Broker, address: string, err: unknown): string {
  const start = `start it with: ${startCommand(broker)}`;
  if (err instanceof ProbeTimeout) {
    return `no answer from ${address} within ${PROBE_TIMEOUT_MS / 1000} s — if it is not starting, ${start}`;
  }
  if (err instanceof ProbeRefusal) {
    return `${err.message} — restart it with: ${startCommand(broker)} (this replaces a broker mqlab started; stop any other one first)`;
  }
  const messages = errorChain(err);
  if (messages.some((m) => m.includes('ECONNREFUSED'))) {
    return `connection refused on ${address} — ${start}`;
  }
  return `probe failed on ${address}: ${messages[0] ?? 'unknown error'} — if it is not running, ${start}`;
}

/** Messages and codes of an error and its causes (fetch, kafkajs and amqplib all nest them). */
function errorChain(err: unknown): string[] {
  const out: string[] = [];
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') {
      out.push(String(e));
      break;
    }
    const { message, code, cause, originalError } = e as Record<string, unknown>;
    if (message) out.push(String(message));
    if (code) out.push(String(code));
    if (e instanceof AggregateError) out.push(...e.errors.flatMap(errorChain));
    e = cause ?? originalError;
  }
  return out;
}
