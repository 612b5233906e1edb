import type { Broker } from '@/server/protocol/brokers';
import type { TraceEvent, TraceEventOf } from '@/server/protocol/trace';
import { BoundedMap, RingBuffer } from './bounded';
import { metricsPoint, type MetricsPoint } from './metricsPoint';
import { RateWindow } from './rateWindow';
import { Topology } from './topology';

/** How a moving message is drawn: shape and colour both differ, so colour is never the only cue. */
export type TokenKind = 'message' | 'redelivery' | 'retry' | 'requeue' | 'dead-letter' | 'claim';

/** Tokens waiting to be drawn, already summed per edge and kind: one frame draws each group once. */
export interface TokenGroup {
  edge: string;
  kind: TokenKind;
  count: number;
  /** Runs from the edge's end back to its start (a requeue returns to the queue). */
  reverse: boolean;
  /** Start after the route hop, so a delivery reads exchange → queue → consumer. */
  delayed: boolean;
}

export interface NodeStats {
  in: number;
  out: number;
  ack: number;
  nack: number;
  requeue: number;
  deadLettered: number;
  /** Delivered and not yet acked, nacked or requeued. */
  inFlight: number;
  /** Kafka: messages produced and not yet committed by this group. */
  lag?: number;
  /** Kafka topics: messages per partition, so keyed ordering and skew show on the node. */
  partitions?: Record<number, number>;
}

export interface MessageStep {
  n: number;
  ts: number;
  type: TraceEvent['type'];
  script: string;
  /** Node or edge of the graph the step happened on. */
  at?: string;
  detail: string;
}

export type DeadLetterEntry = TraceEventOf<'dead-letter'>;
export type AnomalyEntry = TraceEventOf<'anomaly'>;
export type FaultEntry = TraceEventOf<'fault'>;

export interface ConsoleLine {
  n: number;
  script: string;
  kind: 'stdout' | 'stderr' | 'error' | 'exit';
  text: string;
  line?: number;
  column?: number;
}

/** Memory bounds: a run at thousands of messages per second keeps the newest, counts stay exact. */
export const LIMITS = {
  messages: 5_000,
  stepsPerMessage: 40,
  deadLetters: 500,
  anomalies: 500,
  consoleLines: 1_000,
  faults: 100,
  /** One point a second: ten minutes, longer than the longest run. */
  metricPoints: 600,
};

type Counter = Exclude<keyof NodeStats, 'lag' | 'partitions'>;

const EMPTY_STATS: NodeStats = {
  in: 0,
  out: 0,
  ack: 0,
  nack: 0,
  requeue: 0,
  deadLettered: 0,
  inFlight: 0,
};

/**
 * Everything the live view shows about one run, folded from its trace events in O(1) each:
 * the graph, exact counts, rates, tokens to animate, message timelines, dead letters, anomalies
 * and console lines. The view reads it once per animation frame; nothing here touches the DOM.
 */
export class FlowModel {
  readonly topology: Topology;
  /** Exact totals per event type (and per dead-letter reason, `dead-letter:rejected`). */
  readonly totals = new Map<string, number>();
  readonly stats = new Map<string, NodeStats>();
  readonly messages = new BoundedMap<string, MessageStep[]>(LIMITS.messages);
  readonly deadLetters = new RingBuffer<DeadLetterEntry>(LIMITS.deadLetters);
  readonly anomalies = new RingBuffer<AnomalyEntry>(LIMITS.anomalies);
  readonly consoles = new Map<string, RingBuffer<ConsoleLine>>();
  readonly faults = new RingBuffer<FaultEntry>(LIMITS.faults);
  /** One point per `metrics` event, for the charts. */
  readonly metrics = new RingBuffer<MetricsPoint>(LIMITS.metricPoints);
  /** Destinations the run's scripts produced to: where poison and duplicates can go. */
  readonly destinations = new Set<string>();
  ended: TraceEventOf<'run-end'> | undefined;
  /**
   * Errors located in a learner's file, per script. A new object only when one is added, so the
   * editor can compare identities instead of re-reading the console.
   */
  errors: Readonly<Record<string, readonly { line: number; column?: number; message: string }[]>> =
    {};
  /** Bumped on every ingest: panels re-render only when it moved. */
  revision = 0;

  private tokens = new Map<string, TokenGroup>();
  private badges = new Map<string, { ack: number; nack: number }>();
  private rates = new Map<string, RateWindow>();
  private producedTo = new BoundedMap<string, string>(LIMITS.messages);
  private deliveredFrom = new BoundedMap<string, { sub: string; script: string }>(LIMITS.messages);
  private highestOffset = new Map<string, number>();
  private partitionOf = new BoundedMap<string, number>(LIMITS.messages);
  private committed = new Map<string, Map<number, number>>();

  constructor(readonly broker: Broker) {
    this.topology = new Topology(broker);
  }

  ingest(events: readonly TraceEvent[], now = Date.now()): void {
    for (const e of events) this.apply(e, now);
    this.revision++;
  }

  /** Tokens and ack/nack flashes since the last frame; the view draws them and they are gone. */
  takeFrame(): { tokens: TokenGroup[]; badges: Map<string, { ack: number; nack: number }> } {
    const frame = { tokens: [...this.tokens.values()], badges: this.badges };
    this.tokens = new Map();
    this.badges = new Map();
    return frame;
  }

  statsOf(node: string): NodeStats {
    return this.stats.get(node) ?? EMPTY_STATS;
  }

  /** Messages per second into a node over the last second (out of it, for groups and channels that only hand out). */
  rateOf(node: string, now = Date.now()): number {
    return (
      this.rates.get(`${node}|in`)?.perSecond(now) ||
      this.rates.get(`${node}|out`)?.perSecond(now) ||
      0
    );
  }

  /** Nodes and edges a set of messages went through (an anomaly's, to highlight them). */
  pathOf(msgIds: readonly string[]): Set<string> {
    const ids = new Set<string>();
    for (const id of msgIds) {
      for (const step of this.messages.get(id) ?? []) {
        if (!step.at) continue;
        ids.add(step.at);
        // An edge lights up its two ends too.
        const edge = this.topology.edges.get(step.at);
        if (edge) ids.add(edge.from).add(edge.to);
      }
    }
    return ids;
  }

  private apply(e: TraceEvent, now: number): void {
    this.count(e.type);
    const t = this.topology;
    switch (e.type) {
      case 'declare':
        t.declare(e);
        return;
      case 'produce': {
        const from = t.script(e.script);
        const to = t.destination(e);
        const edge = t.edge(from, to, e.republished ? 'retry' : 'publish');
        this.producedTo.set(e.msgId, to);
        this.destinations.add(e.destination);
        this.bump(from, 'out');
        this.bump(to, 'in', now);
        this.token(edge, e.republished ? 'retry' : 'message');
        if (e.partition !== undefined) this.partitioned(e, to);
        this.step(
          e,
          edge,
          `${e.republished ? 'republished ' : ''}→ ${e.destination}${e.key ? ` key=${e.key}` : ''}${e.partition !== undefined ? ` p${e.partition}` : ''}`,
        );
        return;
      }
      case 'deliver': {
        const sub = t.subscription(e.subscription);
        const script = t.script(e.script);
        const origin = this.producedTo.get(e.msgId);
        const routed = origin !== undefined && origin !== sub;
        if (routed) this.token(t.edge(origin, sub, 'route'), 'message');
        const edge = t.edge(sub, script, 'deliver');
        this.token(edge, e.attempt > 1 || e.redelivered ? 'redelivery' : 'message', false, routed);
        this.deliveredFrom.set(e.msgId, { sub, script });
        // Kafka reports the partition on delivery (the producer does not know it before the send).
        if (e.partition !== undefined && this.broker === 'kafka') {
          this.partitioned(e, origin ?? t.node(`topic:${e.destination}`, 'topic', e.destination));
        }
        this.bump(sub, 'out', now);
        this.bump(script, 'in', now);
        this.adjust(sub, 'inFlight', 1);
        this.step(
          e,
          edge,
          `${e.subscription} → ${e.script}, attempt ${e.attempt}${e.redelivered ? ' (redelivered)' : ''}`,
        );
        return;
      }
      case 'ack':
      case 'nack':
      case 'requeue': {
        const sub = t.subscription(e.subscription);
        const script = t.script(e.script);
        this.adjust(sub, 'inFlight', -1);
        this.bump(script, e.type);
        if (e.type === 'requeue') this.token(t.edge(sub, script, 'deliver'), 'requeue', true);
        else {
          const badge = this.badges.get(script) ?? { ack: 0, nack: 0 };
          badge[e.type]++;
          this.badges.set(script, badge);
        }
        this.step(
          e,
          script,
          e.type === 'requeue' && e.delayMs ? `requeued, delay ${e.delayMs} ms` : e.type,
        );
        return;
      }
      case 'dead-letter': {
        this.count(`dead-letter:${e.reason}`);
        const from =
          this.deliveredFrom.get(e.msgId)?.sub ??
          this.producedTo.get(e.msgId) ??
          t.subscription(e.originalDestination);
        const to = t.deadLetterTarget(e);
        const edge = t.edge(from, to, 'dead-letter');
        t.labelEdge(edge, e.reason);
        this.token(edge, 'dead-letter');
        this.bump(from, 'deadLettered');
        // A client-side give-up (NSQ discard, Redis max attempts) settles the delivery it gave up on.
        if (e.observedBy === 'client' && this.deliveredFrom.has(e.msgId))
          this.adjust(from, 'inFlight', -1);
        this.bump(to, 'in', now);
        // From here on the message travels from the dead-letter target (a delay queue's work queue, a DLQ).
        this.producedTo.set(e.msgId, to);
        this.deadLetters.push(e);
        this.step(
          e,
          edge,
          `dead-lettered (${e.reason}) from ${e.originalDestination}${e.attempts ? ` after ${e.attempts} attempts` : ''}`,
        );
        return;
      }
      case 'claim': {
        // The entry changes owner; the delivery that follows counts it in flight again.
        this.adjust(t.subscription(e.subscription), 'inFlight', -1);
        const edge = t.edge(t.subscription(e.subscription), t.script(e.script), 'deliver');
        this.token(edge, 'claim');
        this.step(
          e,
          edge,
          `claimed by ${e.toConsumer}${e.fromConsumer ? ` from ${e.fromConsumer}` : ''}`,
        );
        return;
      }
      case 'commit':
        this.commit(e);
        return;
      case 'anomaly':
        this.anomalies.push(e);
        this.step(
          e,
          undefined,
          `${e.kind}: expected #${e.expectedSeq}, got #${e.actualSeq}${e.cause ? ` (${e.cause})` : ''}`,
        );
        return;
      case 'log':
        return this.print({ n: e.n, script: e.script, kind: e.stream, text: e.text });
      case 'error':
        return this.print({
          n: e.n,
          script: e.script,
          kind: 'error',
          text: e.message,
          line: e.line,
          column: e.column,
        });
      case 'exit':
        return this.print({ n: e.n, script: e.script, kind: 'exit', text: e.message });
      case 'metrics':
        this.metrics.push(metricsPoint(this.broker, e.ts, e.figures));
        return;
      case 'fault':
        this.faults.push(e);
        return;
      case 'run-end':
        this.ended = e;
        return;
      default:
        // run-start and types added later: counted, nothing to draw (yet).
        return;
    }
  }

  /** Counts a message once on its topic's partition and tracks the highest offset seen there. */
  private partitioned(e: TraceEventOf<'produce' | 'deliver'>, topic: string): void {
    const partition = e.partition!;
    if (!this.partitionOf.has(e.msgId)) {
      this.partitionOf.set(e.msgId, partition);
      const stats = this.stats.get(topic) ?? { ...EMPTY_STATS };
      const partitions = (stats.partitions ??= {});
      partitions[partition] = (partitions[partition] ?? 0) + 1;
      this.stats.set(topic, stats);
    }
    if (e.offset !== undefined) {
      const key = `${e.destination}#${partition}`;
      this.highestOffset.set(key, Math.max(this.highestOffset.get(key) ?? -1, Number(e.offset)));
    }
  }

  private commit(e: TraceEventOf<'commit'>): void {
    const partitions = this.committed.get(e.subscription) ?? new Map<number, number>();
    partitions.set(e.partition, Number(e.offset));
    this.committed.set(e.subscription, partitions);
    let lag = 0;
    for (const [key, high] of this.highestOffset) {
      const [topic, p] = key.split('#') as [string, string];
      if (topic === e.destination) lag += Math.max(0, high + 1 - (partitions.get(Number(p)) ?? 0));
    }
    const node = this.topology.subscription(e.subscription);
    this.stats.set(node, { ...this.statsOf(node), lag });
  }

  private count(key: string): void {
    this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
  }

  private bump(node: string, field: Counter, now?: number): void {
    this.adjust(node, field, 1);
    if (now !== undefined) {
      const key = `${node}|${field}`;
      let window = this.rates.get(key);
      if (!window) this.rates.set(key, (window = new RateWindow()));
      window.add(now);
    }
  }

  private adjust(node: string, field: Counter, by: number): void {
    const stats = this.stats.get(node) ?? { ...EMPTY_STATS };
    stats[field] = Math.max(0, stats[field] + by);
    this.stats.set(node, stats);
  }

  private token(edge: string, kind: TokenKind, reverse = false, delayed = false): void {
    const key = `${edge}|${kind}|${reverse}|${delayed}`;
    const group = this.tokens.get(key);
    if (group) group.count++;
    else this.tokens.set(key, { edge, kind, count: 1, reverse, delayed });
  }

  private step(
    e: TraceEventOf<
      'produce' | 'deliver' | 'ack' | 'nack' | 'requeue' | 'dead-letter' | 'claim' | 'anomaly'
    >,
    at: string | undefined,
    detail: string,
  ): void {
    let steps = this.messages.get(e.msgId);
    if (!steps) this.messages.set(e.msgId, (steps = []));
    if (steps.length < LIMITS.stepsPerMessage)
      steps.push({ n: e.n, ts: e.ts, type: e.type, script: e.script, at, detail });
  }

  private print(line: ConsoleLine): void {
    if (line.kind === 'error' && line.line !== undefined) {
      const known = this.errors[line.script] ?? [];
      if (known.length < 100)
        this.errors = {
          ...this.errors,
          [line.script]: [...known, { line: line.line, column: line.column, message: line.text }],
        };
    }
    let lines = this.consoles.get(line.script);
    if (!lines) this.consoles.set(line.script, (lines = new RingBuffer(LIMITS.consoleLines)));
    lines.push(line);
  }
}
