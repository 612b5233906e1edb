export {};

/** Stands in for client entry points MQ Lab cannot trace (see UNSUPPORTED_ENTRY_POINTS). */
throw new Error(
  'MQ Lab traces the promise API of the client libraries: use `import amqp from "amqplib"` (not amqplib/callback_api).',
);
