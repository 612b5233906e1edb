/**
 * The four brokers MQ Lab runs, in the order the UI lists them, and their display names.
 * Plain values, no zod: the header's broker badge imports them on every page.
 */
export const BROKERS = ['rabbitmq', 'kafka', 'nsq', 'redis'] as const;
export type Broker = (typeof BROKERS)[number];

export const BROKER_LABELS: Record<Broker, string> = {
  rabbitmq: 'RabbitMQ',
  kafka: 'Kafka',
  nsq: 'NSQ',
  redis: 'Redis Streams',
};
