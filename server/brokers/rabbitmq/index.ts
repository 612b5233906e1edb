import type { BrokerModule } from '../../runner/brokerModule';
import { RABBITMQ } from '../endpoints';
import { provisionRabbitRun } from './provision';
import { sweepRabbitRuns } from './sweep';

/** RabbitMQ: isolation by a per-run vhost and account; dead letters seen through tap exchanges. */
export const rabbitmqModule: BrokerModule = {
  broker: 'rabbitmq',
  allowNet: [`${RABBITMQ.host}:${RABBITMQ.port}`],
  ports: [RABBITMQ.port],
  provision: provisionRabbitRun,
  sweep: sweepRabbitRuns,
};
