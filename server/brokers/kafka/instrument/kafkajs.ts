/**
 * What `import { Kafka } from 'kafkajs'` gives a learner's script in the playground: the
 * real kafkajs, pointed at the local broker whatever brokers the learner listed, with every
 * topic and group id under the run's prefix (Kafka has no per-run accounts here) and
 * producers, consumers and the admin client traced.
 */
import * as real from 'kafkajs';
import type { AdminConfig, ConsumerConfig, KafkaConfig, ProducerConfig } from 'kafkajs';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { traceAdmin } from './traceAdmin.ts';
import { traceConsumer } from './traceConsumer.ts';
import { traceProducer } from './traceProducer.ts';
import { prefixed } from './topicNames.ts';

const target = runConfig.connection as unknown as { brokers: string[] };
let clients = 0;

export class Kafka extends real.Kafka {
  constructor(config: KafkaConfig) {
    if (runConfig.broker !== 'kafka')
      throw new Error(`this run is for ${runConfig.broker}: kafkajs has no broker to talk to`);
    // TLS and SASL settings are for brokers elsewhere; the playground broker is local and plain.
    super({ ...config, ssl: undefined, sasl: undefined, brokers: target.brokers });
  }

  producer(config?: ProducerConfig) {
    count();
    return traceProducer(super.producer(config));
  }

  consumer(config: ConsumerConfig) {
    count();
    return traceConsumer(
      super.consumer({ ...config, groupId: prefixed(config.groupId) }),
      config.groupId,
    );
  }

  admin(config?: AdminConfig) {
    count();
    return traceAdmin(super.admin(config));
  }
}

function count() {
  if (++clients > runConfig.limits.connections) {
    throw new RangeError(
      `MQ Lab allows ${runConfig.limits.connections} Kafka clients per script in the playground`,
    );
  }
}

export const {
  CompressionTypes,
  CompressionCodecs,
  ConfigResourceTypes,
  AclResourceTypes,
  AclOperationTypes,
  AclPermissionTypes,
  ResourcePatternTypes,
  ConfigSource,
  Partitioners,
  PartitionAssigners,
  AssignerProtocol,
  logLevel,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSProtocolError,
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
} = real;
export type * from 'kafkajs';
const kafkajs = { Kafka, logLevel, CompressionTypes, Partitioners };
export default kafkajs;
