import type { BrokerModule } from '../../runner/brokerModule';
import { KAFKA } from '../endpoints';
import { provisionKafkaRun } from './provision';
import { sweepKafkaRuns } from './sweep';

/** Kafka: a per-run SASL account with ACLs on the run's name prefix; dead-letter topics read by the server. */
export const kafkaModule: BrokerModule = {
  broker: 'kafka',
  allowNet: [...KAFKA.brokers],
  ports: [KAFKA.port],
  provision: provisionKafkaRun,
  sweep: sweepKafkaRuns,
};
