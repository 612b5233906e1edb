import type { Channel } from 'amqplib';
import type { BrokerFigures } from '../../runner/brokerModule';
import { enc, management } from './managementApi';

interface QueueStats {
  name: string;
  messages_unacknowledged?: number;
}

/**
 * The run's queues while it is live, every second: `messages` (ready) and `consumers` from a
 * passive declare on the server's own channel — exact at that moment — and `unacked` from
 * the management API's queue totals (`disable_stats&enable_queue_totals`: the queue's own
 * counters, which trail a change by well under 100 ms here). Not from its statistics: those
 * appear 1–3 s after a queue is made and refresh every `collect_statistics_interval`.
 * Server queues (`mqlab.…`) are left out.
 */
export async function sampleRabbitRun(
  vhost: string,
  channel: () => Promise<Channel>,
): Promise<BrokerFigures> {
  const queues = await management<QueueStats[]>(
    'GET',
    `/queues/${enc(vhost)}?disable_stats=true&enable_queue_totals=true&columns=name,messages_unacknowledged`,
  );
  const figures: BrokerFigures = {};
  for (const queue of queues) {
    if (queue.name.startsWith('mqlab.')) continue;
    const declared = await (await channel()).checkQueue(queue.name).catch(() => undefined);
    if (!declared) continue; // deleted meanwhile (the channel reopens for the next one)
    figures[`queue:${queue.name}`] = {
      messages: declared.messageCount,
      unacked: queue.messages_unacknowledged ?? 0,
      consumers: declared.consumerCount,
    };
  }
  return figures;
}
