/**
 * The client packages learners import, and the wrapper module (under server/brokers/) that
 * the sandbox's import map substitutes for each. A wrapper imports the real package and
 * traces, stamps and namespaces what goes through it.
 */
export const INSTRUMENTED_PACKAGES: Record<string, string> = {
  amqplib: 'server/brokers/rabbitmq/instrument/amqplib.ts',
  ioredis: 'server/brokers/redis/instrument/ioredis.ts',
  kafkajs: 'server/brokers/kafka/instrument/kafkajs.ts',
  nsqjs: 'server/brokers/nsq/instrument/nsqjs.ts',
};

/** Entry points of the real packages that would bypass tracing; they fail with a clear message. */
export const UNSUPPORTED_ENTRY_POINTS: Record<string, string> = {
  'amqplib/callback_api':
    'MQ Lab traces the promise API of amqplib: use `import amqp from "amqplib"`.',
};
