import { z } from 'zod';
import { BROKERS } from './brokerNames';

export { BROKERS, BROKER_LABELS, type Broker } from './brokerNames';
export const brokerSchema = z.enum(BROKERS);

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
