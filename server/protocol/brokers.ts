import { z } from 'zod';

/** The four brokers MQ Lab runs, in the order the UI lists them. */
export const BROKERS = ['rabbitmq', 'kafka', 'nsq', 'redis'] as const;
export const brokerSchema = z.enum(BROKERS);
export type Broker = z.infer<typeof brokerSchema>;

export const BROKER_LABELS: Record<Broker, string> = {
  rabbitmq: 'RabbitMQ',
  kafka: 'Kafka',
  nsq: 'NSQ',
  redis: 'Redis Streams',
};

/** One broker as a real probe saw it (an AMQP connection, a Kafka admin call, nsqd /ping, PING). */
export const brokerStatusSchema = z.object({
  broker: brokerSchema,
  up: z.boolean(),
  version: z.string(),
  endpoint: z.string(),
  detail: z.string(),
  /** The exact command that starts this broker, shown to the learner when it is down. */
  startCommand: z.string(),
});
export type BrokerStatus = z.infer<typeof brokerStatusSchema>;
