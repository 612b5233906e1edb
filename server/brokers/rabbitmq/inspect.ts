import type { Channel } from 'amqplib';
import type { BrokerFigures } from '../../runner/brokerModule';
import { enc, management } from './managementApi';
import type { Binding } from './routeMessages';

export interface RabbitInspection {
  figures: BrokerFigures;
  bindings: Binding[];
  exchangeTypes: Map<string, string>;
}

/**
 * The broker's own figures for every queue of the run's vhost, read once the scripts are
 * gone (their unacked messages are back in the queues): depth and consumers from a passive
 * declare — exact at that moment, unlike the management statistics, which lag. Bindings and
 * exchange types come along so the trace's messages can be routed like the broker did.
 */
export async function inspectRabbitRun(vhost: string, channel: Channel): Promise<RabbitInspection> {
  const [queues, bindings, exchanges] = await Promise.all([
    management<{ name: string }[]>('GET', `/queues/${enc(vhost)}?columns=name`),
    management<Binding[]>('GET', `/bindings/${enc(vhost)}`),
    management<{ name: string; type: string }[]>(
      'GET',
      `/exchanges/${enc(vhost)}?columns=name,type`,
    ),
  ]);
  const figures: BrokerFigures = {};
  for (const { name } of queues) {
    const depth = await channel.checkQueue(name).catch(() => undefined);
    if (depth)
      figures[`queue:${name}`] = { messages: depth.messageCount, consumers: depth.consumerCount };
  }
  return { figures, bindings, exchangeTypes: new Map(exchanges.map((e) => [e.name, e.type])) };
}
