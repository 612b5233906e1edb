import type { BrokerModule } from '../../runner/brokerModule';
import { KAFKA } from '../endpoints';
import { provisionKafkaRun } from './provision';
import { sweepKafkaRuns } from './sweep';

/** Kafka: isolation by name prefix only (no per-run accounts); dead-letter topics read by the server. */
export const kafkaModule: BrokerModule = {
  broker: 'kafka',
  allowNet: [...KAFKA.brokers],
  ports: [KAFKA.port],
  provision: provisionKafkaRun,
  sweep: sweepKafkaRuns,
};
