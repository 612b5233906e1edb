import type { Broker } from '../protocol/brokers';
import type { TraceEvent, TraceEventOf } from '../protocol/trace';
import type { Counts } from '../trace/traceCounts';
import type { DraftEvent } from '../trace/traceStream';
import type { RunLimits } from './limits';

/**
 * The shape every broker module has (server/brokers/<broker>/index.ts): provision a run's
 * private space, watch it from the server side, read the broker's own figures, clean up.
 * The sandbox-side half (the wrapper around the client library) lives next to it in
 * `instrument/`. Adding a fifth broker is adding one such folder.
 */
export interface BrokerModule {
  broker: Broker;
  /** `host:port` the sandbox may open, spelled exactly as the wrappers connect. */
  allowNet: string[];
  /** TCP ports of allowNet, for the egress firewall. */
  ports: number[];
  provision(run: RunIdentity): Promise<BrokerSession>;
  /**
   * Deletes what dead runs left behind; returns how many runs it cleaned. `isLive` must be
   * asked right before deleting a run's entities: another MQ Lab process may have started
   * that run a moment ago.
   */
  sweep(isLive: (runId: string) => boolean): Promise<number>;
}

export interface RunIdentity {
  runId: string;
  /** Prefix for names on brokers without per-run isolation, e.g. `mqlab-1a2b3c4d.`. */
  prefix: string;
  limits: RunLimits;
}

export type EmitEvent = (draft: DraftEvent) => void;

/** entity → figure → value, e.g. `{ "queue:orders": { messages: 0, consumers: 0 } }`. */
export type BrokerFigures = Record<string, Record<string, number>>;
export type Agreement = TraceEventOf<'run-end'>['agreement'][number];

export interface BrokerSession {
  /** Handed to the wrappers (runConfig.connection): where and as whom to connect. */
  connection: Record<string, unknown>;
  /** Starts the server's own observers (dead letters), which report through `emit`. */
  observe(emit: EmitEvent): Promise<void>;
  /** Reads the broker's figures for the run's entities, once the scripts are gone. */
  inspect(): Promise<BrokerFigures>;
  /**
   * The broker's figures for the run's entities while it is live, for the `metrics` event
   * every second: cheap enough to call that often, read the way docs/trace-events.md says.
   */
  sample(): Promise<BrokerFigures>;
  /** Puts a message into one of the run's destinations, stamped as the wrappers stamp (fault injection). */
  inject(message: InjectedMessage): Promise<void>;
  /**
   * Closes, from the broker's side, the connections a script holds from these local TCP
   * ports (fault injection): the script sees a real connection loss.
   */
  dropConnections(clientPorts: number[]): Promise<DroppedConnections>;
  /** Which trace counts must equal which broker figures, and whether they do. */
  compare(counts: Counts, figures: BrokerFigures, events: readonly TraceEvent[]): Agreement[];
  /** Deletes everything the run created on the broker; safe to call twice. */
  cleanup(): Promise<void>;
}

/** A message the server puts into a run's destination: a poison message or a duplicate. */
export interface InjectedMessage {
  /** The stamp the wrappers put in headers / fields / the NSQ envelope. */
  msgId: string;
  seq: number;
  producer: string;
  /** As the learner named it: RabbitMQ exchange (or queue), Kafka / NSQ topic, Redis stream. */
  destination: string;
  /** RabbitMQ: the exchange to publish to ('' is the default exchange, routed by `key`). */
  exchange?: string;
  /** RabbitMQ routing key, Kafka message key, Redis `key` field. */
  key?: string;
  /** Kafka: the partition to write to (a duplicate goes where the original went). */
  partition?: number;
  body: string;
  /** Redis: the entry's fields (the stamp fields are added); without them, `{ data: body }`. */
  fields?: Record<string, string>;
  /** RabbitMQ / Kafka headers besides the stamp (a duplicate keeps the original's). */
  headers?: Record<string, string>;
}

export interface DroppedConnections {
  /** How many connections were closed. */
  closed: number;
  /** How, in a few words: `management API close`, `CLIENT KILL`, `TCP reset (ss -K)`. */
  how: string;
}

export function runPrefix(runId: string): string {
  return `mqlab-${runId}.`;
}

/** Matches names created by any run; the sweep uses it. */
export const RUN_NAME = /^mqlab-([0-9a-f]{8})\./;
