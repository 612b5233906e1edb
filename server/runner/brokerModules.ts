import type { Broker } from '../protocol/brokers';
import { kafkaModule } from '../brokers/kafka';
import { nsqModule } from '../brokers/nsq';
import { rabbitmqModule } from '../brokers/rabbitmq';
import { redisModule } from '../brokers/redis';
import type { BrokerModule } from './brokerModule';

/** Every broker module; each has the same shape (see brokerModule.ts). */
export const BROKER_MODULES: Record<Broker, BrokerModule> = {
  rabbitmq: rabbitmqModule,
  kafka: kafkaModule,
  nsq: nsqModule,
  redis: redisModule,
};

export function brokerModule(broker: Broker): BrokerModule {
  const found = BROKER_MODULES[broker];
  if (!found) throw new Error(`the playground cannot run ${broker} scripts yet`);
  return found;
}

/** Every TCP port any sandbox may reach, for the egress firewall. */
export function allBrokerPorts(): number[] {
  return Object.values(BROKER_MODULES).flatMap((m) => m.ports);
}
