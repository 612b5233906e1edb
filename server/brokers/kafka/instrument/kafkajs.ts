/**
 * What `import { Kafka } from 'kafkajs'` gives a learner's script in the playground: the
 * real kafkajs, pointed at the local broker whatever brokers the learner listed, signed in
 * as the run's own account (the broker lets it touch only names under the run's prefix),
 * with every topic and group id put under that prefix and producers, consumers and the
 * admin client traced.
 */
import * as real from 'kafkajs';
import type { AdminConfig, ConsumerConfig, KafkaConfig, ProducerConfig } from 'kafkajs';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { traceAdmin } from './traceAdmin.ts';
import { traceConsumer } from './traceConsumer.ts';
import { traceProducer } from './traceProducer.ts';
import { prefixed } from './topicNames.ts';

const target = runConfig.connection as unknown as Pick<KafkaConfig, 'brokers' | 'sasl'> & {
  brokers: string[];
};
let clients = 0;

export class Kafka extends real.Kafka {
  constructor(config: KafkaConfig) {
    if (runConfig.broker !== 'kafka')
      throw new Error(`this run is for ${runConfig.broker}: kafkajs has no broker to talk to`);
    // The learner's TLS and SASL settings are for brokers elsewhere; the playground broker is
    // local and knows only the run's account.
    super({ ...config, ssl: undefined, sasl: target.sasl, brokers: target.brokers });
  }

  producer(config?: ProducerConfig) {
    count();
    const transactionalId = config?.transactionalId && prefixed(config.transactionalId);
    return traceProducer(super.producer({ ...config, transactionalId }));
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
