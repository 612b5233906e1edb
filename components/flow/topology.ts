import type { Broker } from '@/server/protocol/brokers';
import type { TraceEventOf } from '@/server/protocol/trace';

/** What a box in the graph stands for. Scripts are the learner's files; the rest live on the broker. */
export type FlowNodeKind =
  'script' | 'exchange' | 'queue' | 'topic' | 'group' | 'channel' | 'stream' | 'dead-letter';
export type FlowEdgeKind = 'publish' | 'route' | 'deliver' | 'dead-letter' | 'retry';

export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  label: string;
  /** Exchange type, "dead-letter exchange"… one short line under the label. */
  detail?: string;
  /** On the dead-letter path: drawn with its own shape and marker. */
  deadLetter?: boolean;
}

export interface FlowEdge {
  id: string;
  from: string;
  to: string;
  kind: FlowEdgeKind;
  /** Binding key, dead-letter reason… */
  label?: string;
}

type Declare = TraceEventOf<'declare'>;

/**
 * The graph of a run, grown from its trace: producers → broker entities → consumers, with the
 * dead-letter path as its own nodes. The same event shapes on every broker map onto one model:
 * RabbitMQ exchanges and queues; Kafka topics and groups; NSQ topics and channels; Redis streams
 * and groups. `version` changes whenever a node or edge appears, so the layout reruns only then.
 */
export class Topology {
  readonly nodes = new Map<string, FlowNode>();
  readonly edges = new Map<string, FlowEdge>();
  version = 0;
  /** RabbitMQ: names declared as exchanges, to tell `payments.dlx` (exchange) from `reminders` (queue). */
  private exchanges = new Set<string>();

  constructor(readonly broker: Broker) {}

  node(id: string, kind: FlowNodeKind, label: string, extra: Partial<FlowNode> = {}): string {
    const existing = this.nodes.get(id);
    if (!existing) {
      this.nodes.set(id, { id, kind, label, ...extra });
      this.version++;
    } else if ((extra.deadLetter && !existing.deadLetter) || (extra.detail && !existing.detail)) {
      this.nodes.set(id, { ...existing, ...extra });
      this.version++;
    }
    return id;
  }

  edge(from: string, to: string, kind: FlowEdgeKind, label?: string): string {
    const id = `${from}→${to}:${kind}`;
    if (!this.edges.has(id)) {
      this.edges.set(id, { id, from, to, kind, label });
      this.version++;
    }
    return id;
  }

  /** Names what happened on an edge after the fact (a dead-letter edge learns its reasons). */
  labelEdge(id: string, label: string): void {
    const edge = this.edges.get(id);
    if (!edge || edge.label?.split(', ').includes(label)) return;
    this.edges.set(id, { ...edge, label: edge.label ? `${edge.label}, ${label}` : label });
    this.version++;
  }

  script(name: string): string {
    return this.node(`script:${name}`, 'script', name);
  }

  /** Where a produce event put its message. */
  destination(e: TraceEventOf<'produce'>): string {
    switch (this.broker) {
      case 'rabbitmq':
        // The default exchange ('') routes straight to the queue of that name.
        return e.exchange === '' || (e.exchange === undefined && !this.exchanges.has(e.destination))
          ? this.queue(e.destination)
          : this.exchange(e.destination);
      case 'kafka':
      case 'nsq':
        return this.node(`topic:${e.destination}`, 'topic', e.destination);
      case 'redis':
        return this.node(`stream:${e.destination}`, 'stream', e.destination);
    }
  }

  /** Where consumers read: a queue, a Kafka or Redis group, an NSQ channel. */
  subscription(sub: string): string {
    if (this.broker === 'rabbitmq') return this.queue(sub);
    const [source, name] = sub.includes('/') ? (sub.split('/', 2) as [string, string]) : [sub, sub];
    if (this.broker === 'nsq')
      return this.node(`channel:${sub}`, 'channel', name, { detail: source });
    // Kafka subscriptions are `group/topic`, Redis ones `stream/group`.
    const [group, of] = this.broker === 'kafka' ? [source, name] : [name, source];
    return this.node(`group:${sub}`, 'group', group, { detail: of });
  }

  /** Where a dead-lettered message went: a RabbitMQ dead-letter exchange (or queue), else a dead-letter node. */
  deadLetterTarget(e: TraceEventOf<'dead-letter'>): string {
    if (this.broker === 'rabbitmq') {
      return this.exchanges.has(e.destination) || !this.nodes.has(`queue:${e.destination}`)
        ? this.exchange(e.destination, true)
        : this.queue(e.destination);
    }
    return this.node(`dead:${e.destination}`, 'dead-letter', e.destination, { deadLetter: true });
  }

  /** Declarations draw the topology before any message moves (bindings, dead-letter exchanges). */
  declare(e: Declare): void {
    if (this.broker !== 'rabbitmq') return;
    const detail = e.detail ?? {};
    if (e.kind === 'exchange') {
      this.exchanges.add(e.name);
      this.exchange(e.name, false, typeof detail.type === 'string' ? detail.type : undefined);
    } else if (e.kind === 'queue') {
      const queue = this.queue(e.name);
      const dlx = detail.deadLetterExchange;
      if (typeof dlx === 'string') {
        const key =
          typeof detail.deadLetterRoutingKey === 'string' ? detail.deadLetterRoutingKey : e.name;
        const target = dlx === '' ? this.queue(key) : this.exchange(dlx, true);
        this.edge(queue, target, 'dead-letter');
      }
    } else if (e.kind === 'binding' && e.source !== undefined) {
      const key = typeof detail.routingKey === 'string' ? detail.routingKey : undefined;
      const to = this.exchanges.has(e.name) ? this.exchange(e.name) : this.queue(e.name);
      this.edge(this.exchange(e.source), to, 'route', key || undefined);
    }
  }

  private queue(name: string): string {
    return this.node(`queue:${name}`, 'queue', name);
  }

  private exchange(name: string, deadLetter = false, type?: string): string {
    this.exchanges.add(name);
    return this.node(`exchange:${name}`, 'exchange', name, {
      deadLetter: deadLetter || undefined,
      detail: type,
    });
  }
}
