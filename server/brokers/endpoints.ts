import type { Broker } from '../protocol/brokers';
import { brokerSecrets } from './secrets';

/** Every broker listens on loopback only; local processes and docker-compose.yml use the same ports. */
export const BROKER_HOST = '127.0.0.1';

export const RABBITMQ = {
  host: BROKER_HOST,
  port: 5672,
  managementPort: 15672,
  /**
   * The server's administrator account; its password only the server knows
   * (.mqlab/secrets.json). There is no `guest`: the local start deletes it, compose never makes it.
   */
  username: 'mqlab',
  get password(): string {
    return brokerSecrets().rabbitmqPassword;
  },
  get url(): string {
    return `amqp://mqlab:${encodeURIComponent(this.password)}@${BROKER_HOST}:5672`;
  },
  managementUrl: `http://${BROKER_HOST}:15672`,
} as const;

export const KAFKA = {
  host: BROKER_HOST,
  port: 9092,
  /** KRaft controller listener; only the broker itself talks to it. */
  controllerPort: 9093,
  brokers: [`${BROKER_HOST}:9092`],
} as const;

export const NSQ = {
  host: BROKER_HOST,
  nsqdTcpPort: 4150,
  nsqdHttpPort: 4151,
  lookupdTcpPort: 4160,
  lookupdHttpPort: 4161,
  adminHttpPort: 4171,
  /** MQ Lab's auth service (infra/nsq/nsqauth), which nsqd asks on every AUTH; server only. */
  authHttpPort: 4181,
  nsqdHttpUrl: `http://${BROKER_HOST}:4151`,
  lookupdHttpUrl: `http://${BROKER_HOST}:4161`,
  adminUrl: `http://${BROKER_HOST}:4171`,
  authUrl: `http://${BROKER_HOST}:4181`,
} as const;

export const REDIS = {
  host: BROKER_HOST,
  port: 6379,
  url: `redis://${BROKER_HOST}:6379`,
} as const;

/** The address a learner would type to reach each broker's main protocol port. */
export const MAIN_ENDPOINT: Record<Broker, string> = {
  rabbitmq: `${BROKER_HOST}:${RABBITMQ.port}`,
  kafka: `${BROKER_HOST}:${KAFKA.port}`,
  nsq: `${BROKER_HOST}:${NSQ.nsqdTcpPort}`,
  redis: `${BROKER_HOST}:${REDIS.port}`,
};

/**
 * Pinned versions. RabbitMQ and Redis are what Debian bookworm's apt ships; Kafka must match
 * infra/kafka/pom.xml and docker-compose.yml; NSQ must match infra/nsq/go.mod.
 */
export const PINNED_VERSIONS: Record<Broker, string> = {
  rabbitmq: '3.10.8',
  kafka: '4.1.2',
  nsq: '1.3.0',
  redis: '7.0.15',
};
