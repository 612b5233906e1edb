import type { TraceEvent } from '../../protocol/trace';

export interface Binding {
  source: string;
  destination: string;
  destination_type: 'queue' | 'exchange';
  routing_key: string;
}

/**
 * How many messages entered each queue, from the trace: every publish and every dead letter
 * the server observed, routed through the broker's real bindings after the run (direct,
 * fanout and topic routing). A headers exchange cannot be followed from a trace: the result
 * is then `undefined`. The default exchange ('') delivers to the queue named by the key.
 */
export function messagesIntoQueues(
  events: readonly TraceEvent[],
  bindings: Binding[],
  exchangeTypes: Map<string, string>,
): Map<string, number> | undefined {
  const perQueue = new Map<string, number>();
  for (const event of events) {
    let exchange: string;
    if (event.type === 'produce') exchange = event.exchange ?? '';
    else if (event.type === 'dead-letter' && event.observedBy === 'broker') {
      // Dead letters to the default exchange are reported with the target queue as destination.
      exchange = exchangeTypes.has(event.destination) ? event.destination : '';
    } else continue;
    const key = event.key ?? '';
    // Through the default exchange a publish goes to the queue its key names, a dead letter
    // to its destination (the dead-letter routing key may differ from the message's key).
    const direct = event.type === 'dead-letter' ? event.destination : key;
    const queues = exchange === '' ? [direct] : route(exchange, key, bindings, exchangeTypes, 0);
    if (!queues) return undefined;
    for (const queue of new Set(queues)) perQueue.set(queue, (perQueue.get(queue) ?? 0) + 1);
  }
  return perQueue;
}

function route(
  exchange: string,
  key: string,
  bindings: Binding[],
  types: Map<string, string>,
  depth: number,
): string[] | undefined {
  const type = types.get(exchange);
  if (depth > 5 || type === 'headers') return undefined;
  const out: string[] = [];
  for (const b of bindings) {
    if (b.source !== exchange || !matches(type, b.routing_key, key)) continue;
    if (b.destination_type === 'queue') out.push(b.destination);
    else {
      const further = route(b.destination, key, bindings, types, depth + 1);
      if (!further) return undefined;
      out.push(...further);
    }
  }
  return out;
}

function matches(type: string | undefined, pattern: string, key: string): boolean {
  if (type === 'fanout') return true;
  if (type === 'topic') return topicMatches(pattern.split('.'), key.split('.'));
  return pattern === key;
}

function topicMatches(pattern: string[], words: string[]): boolean {
  if (pattern.length === 0) return words.length === 0;
  const [head, ...rest] = pattern;
  if (head === '#')
    return (
      rest.length === 0 ||
      words.some((_, i) => topicMatches(rest, words.slice(i))) ||
      topicMatches(rest, [])
    );
  if (words.length === 0) return false;
  return (head === '*' || head === words[0]) && topicMatches(rest, words.slice(1));
}
