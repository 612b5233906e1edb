import { z } from 'zod';
import { brokerSchema } from './brokers';

/**
 * Trace events: everything that happened in one run, in the order the server saw it.
 * Shared by the server, the CLI (`mqlab run --json` prints one per line) and the browser.
 * The full schema with examples is in docs/trace-events.md; keep the two in step.
 *
 * The event model is open: new `type`s join the union (faults and metrics already have a
 * place), and consumers must ignore types they do not know.
 */

/** Who an event is about: a learner script's file name, or one of these server actors. */
export const BROKER_ACTOR = '@broker'; // seen by the server on the broker itself (dead letters)
export const RUN_ACTOR = '@run'; // the run's own lifecycle (start, end, limits, anomalies)

const base = {
  /** Position of the event in its run, 1, 2, 3… assigned by the server. */
  n: z.int().nonnegative(),
  /** Milliseconds since the Unix epoch, when it happened (the script's clock for script events). */
  ts: z.number(),
  runId: z.string(),
  broker: brokerSchema,
  /** A learner script (`consumer.ts`), `@broker` or `@run`. */
  script: z.string(),
};

/** Fields every message event carries. */
const message = {
  ...base,
  /** Unique id of the message within the run, stamped by MQ Lab into headers / the envelope. */
  msgId: z.string(),
  /** Name as the learner wrote it: exchange (or queue for the default exchange), topic, stream. */
  destination: z.string(),
  /** Ordering key: Kafka message key, RabbitMQ routing key, Redis `key` field, else absent. */
  key: z.string().optional(),
  /** Per-(producer script, destination, key) sequence, 1-based, stamped by the producer wrapper. */
  seq: z.int().optional(),
  /** Script that produced the message, as stamped in it. */
  producer: z.string().optional(),
};

/** Where a consumer reads from: RabbitMQ queue, Kafka `group/topic`, NSQ `topic/channel`, Redis `stream/group`. */
const subscription = z.string();

const position = {
  partition: z.int().optional(),
  /** Kafka offset or Redis entry id (strings: both exceed 2^53 or are not numbers). */
  offset: z.string().optional(),
  /** RabbitMQ delivery tag on the consumer's channel. */
  deliveryTag: z.int().optional(),
};

export const produceEvent = z.object({
  ...message,
  ...position,
  type: z.literal('produce'),
  /** RabbitMQ exchange actually published to ('' = default exchange). */
  exchange: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** First bytes of the body as text (binary shown with \uFFFD), at most 512 chars. */
  payload: z.string(),
  size: z.int().nonnegative(),
  /** Set when the learner republished a message it had received (same msgId): a retry. */
  republished: z.boolean().optional(),
  /** NSQ deferred publish, RabbitMQ per-message TTL… milliseconds. */
  delayMs: z.number().optional(),
});

export const deliverEvent = z.object({
  ...message,
  ...position,
  type: z.literal('deliver'),
  subscription,
  /** The broker's own redelivery flag (RabbitMQ redelivered, NSQ attempts > 1, Redis pending re-read). */
  redelivered: z.boolean(),
  /** How many times this message has reached this subscription in this run, counted by the server. */
  attempt: z.int().positive(),
  payload: z.string(),
});

export const ackEvent = z.object({ ...message, type: z.literal('ack'), subscription });
export const nackEvent = z.object({
  ...message,
  type: z.literal('nack'),
  subscription,
  /** Always false here; a nack that puts the message back is a `requeue` event. */
  requeue: z.literal(false),
});
export const requeueEvent = z.object({
  ...message,
  type: z.literal('requeue'),
  subscription,
  delayMs: z.number().optional(),
});

export const deadLetterEvent = z.object({
  ...message,
  ...position,
  type: z.literal('dead-letter'),
  /** `rejected`, `expired`, `maxlen`, `delivery_limit` (RabbitMQ x-death), `max-attempts` (NSQ discard, Redis). */
  reason: z.string(),
  /** The queue / topic / stream the message was in before it was dead-lettered. */
  originalDestination: z.string(),
  /** Deliveries before it was dead-lettered, when the broker says (x-death count, NSQ attempts). */
  attempts: z.int().optional(),
  /** `broker`: the server read it from the broker; `client`: the client library reported it (NSQ discard). */
  observedBy: z.enum(['broker', 'client']),
  /** The consumer's subscription, when a client discarded the message (NSQ). */
  subscription: z.string().optional(),
  payload: z.string(),
});

export const commitEvent = z.object({
  ...base,
  type: z.literal('commit'),
  subscription,
  destination: z.string(),
  partition: z.int(),
  /** The committed offset: the next one the group will read. */
  offset: z.string(),
});

export const claimEvent = z.object({
  ...message,
  type: z.literal('claim'),
  subscription,
  offset: z.string(),
  /** Consumer name that owned the pending entry before, when known. */
  fromConsumer: z.string().optional(),
  toConsumer: z.string(),
});

export const ANOMALY_KINDS = ['out-of-order', 'duplicate', 'gap'] as const;
export const anomalyEvent = z.object({
  ...message,
  type: z.literal('anomaly'),
  kind: z.enum(ANOMALY_KINDS),
  subscription,
  /** The script that received the message. */
  consumer: z.string(),
  /** The sequence that should have come next for this key (one past the highest seen). */
  expectedSeq: z.int(),
  actualSeq: z.int(),
  /** `requeue`, `retry`, `rebalance`, `claimed pending entry`, `several in flight`, `dead-lettered`… when known. */
  cause: z.string().optional(),
  /** Messages involved (the late one and those it overtook / the one it duplicates). */
  relatedMsgIds: z.array(z.string()),
});

export const DECLARED_KINDS = [
  'queue',
  'exchange',
  'binding',
  'topic',
  'group',
  'channel',
  'stream',
  'consumer',
] as const;
export const declareEvent = z.object({
  ...base,
  type: z.literal('declare'),
  kind: z.enum(DECLARED_KINDS),
  /** Learner-visible name. For bindings: the destination queue/exchange. */
  name: z.string(),
  /** Binding source exchange / consumer's subscription / topic of a channel or group. */
  source: z.string().optional(),
  /** Routing key of a binding, exchange type, queue arguments… small, broker-specific. */
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const logEvent = z.object({
  ...base,
  type: z.literal('log'),
  stream: z.enum(['stdout', 'stderr']),
  /** One line, ANSI escapes removed, at most MAX_LOG_LINE chars. Render as text, never as HTML. */
  text: z.string(),
  truncated: z.boolean().optional(),
});

export const errorEvent = z.object({
  ...base,
  type: z.literal('error'),
  message: z.string(),
  /** Position in the learner's own file (1-based), when the error came from it. */
  line: z.int().optional(),
  column: z.int().optional(),
  stack: z.string().optional(),
  /** True when the error ended the script (uncaught). */
  fatal: z.boolean(),
});

export const exitEvent = z.object({
  ...base,
  type: z.literal('exit'),
  code: z.int().nullable(),
  signal: z.string().nullable(),
  /** `exited`, `stopped`, `killed`, `time-limit`, `cpu-limit`, `memory-limit`, `output-limit`… */
  reason: z.string(),
  message: z.string(),
});

/**
 * Fault injection (server/runner/faults): announced before it is applied, so what follows
 * can be explained by it. `kind` is one of FAULT_KINDS (server/protocol/run.ts); `target`
 * the script or destination it acts on; `detail` what exactly was done (see
 * docs/trace-events.md: `spec`, `source`, `msgId` for poison and duplicate, `connections` and
 * `how` for drop, `factor` and `periodMs` for slow).
 */
export const faultEvent = z.object({
  ...base,
  type: z.literal('fault'),
  kind: z.string(),
  target: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

/** entity → figure → value, the broker's own numbers (`queue:orders` → `{ messages, unacked, consumers }`). */
export const brokerFiguresSchema = z.record(z.string(), z.record(z.string(), z.number()));

/** Per destination, per second over the sampling interval, from the trace. */
export const destinationRatesSchema = z.object({
  published: z.number().nonnegative(),
  delivered: z.number().nonnegative(),
  acked: z.number().nonnegative(),
});

/** Produce → first delivery, milliseconds, over the deliveries of the sampling interval. */
export const latencyPercentilesSchema = z.object({
  samples: z.int().positive(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
});

/** What a `metrics` event carries; documented in docs/trace-events.md ("Metrics"). */
export const metricsFiguresSchema = z.object({
  /** Milliseconds the rates and latencies cover (since the previous sample). */
  intervalMs: z.number().positive(),
  rates: z.record(z.string(), destinationRatesSchema),
  latencyMs: latencyPercentilesSchema.optional(),
  /** The broker's own figures for the run's entities, read at `brokerTs`. */
  broker: brokerFiguresSchema,
  brokerTs: z.number().optional(),
  /** Set when the broker could not be read this time (`broker` is then empty). */
  brokerError: z.string().optional(),
});
export type MetricsFigures = z.infer<typeof metricsFiguresSchema>;

/** Every second of a run (server/runner/metrics): rates and latencies from the trace, the broker's own figures. */
export const metricsEvent = z.object({
  ...base,
  type: z.literal('metrics'),
  figures: metricsFiguresSchema,
});

export const runStartEvent = z.object({
  ...base,
  type: z.literal('run-start'),
  scripts: z.array(z.string()),
  limits: z.record(z.string(), z.number()),
});

export const runEndEvent = z.object({
  ...base,
  type: z.literal('run-end'),
  /** `completed` (all scripts exited), `stopped`, `time-limit`, `limit`, `error`, `disconnected`, `shutdown`. */
  reason: z.string(),
  message: z.string(),
  durationMs: z.number(),
  scripts: z.array(
    z.object({
      script: z.string(),
      code: z.int().nullable(),
      signal: z.string().nullable(),
      reason: z.string(),
    }),
  ),
  /** What the trace counted, per destination / subscription. */
  counts: z.record(z.string(), z.record(z.string(), z.int())),
  /** The broker's own figures for the run's entities, read before cleanup. */
  brokerFigures: brokerFiguresSchema,
  /** Figures where trace and broker were compared, and whether they agreed. */
  agreement: z.array(
    z.object({
      entity: z.string(),
      figure: z.string(),
      trace: z.number(),
      broker: z.number(),
      agrees: z.boolean(),
    }),
  ),
});

export const traceEventSchema = z.discriminatedUnion('type', [
  produceEvent,
  deliverEvent,
  ackEvent,
  nackEvent,
  requeueEvent,
  deadLetterEvent,
  commitEvent,
  claimEvent,
  anomalyEvent,
  declareEvent,
  logEvent,
  errorEvent,
  exitEvent,
  faultEvent,
  metricsEvent,
  runStartEvent,
  runEndEvent,
]);

export type TraceEvent = z.infer<typeof traceEventSchema>;
export type TraceEventType = TraceEvent['type'];
export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { type: T }>;
export type MessageEvent = TraceEventOf<
  'produce' | 'deliver' | 'ack' | 'nack' | 'requeue' | 'dead-letter'
>;
export type LogEvent = TraceEventOf<'log'>;
export type RunEndEvent = TraceEventOf<'run-end'>;

/** Longest console line sent to clients; the rest is cut and `truncated` set. */
export const MAX_LOG_LINE = 2000;
