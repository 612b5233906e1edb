import type { BrokerFigures } from '../../runner/brokerModule';
import { nsqdTopics } from './nsqdHttp';
import { OBSERVER_CHANNEL } from './observeDeadLetters';

/**
 * The run's topics and channels while it is live, every second, from nsqd's /stats (exact at
 * the moment it answers): per topic `messages`, `depth`; per channel `depth`, `inFlight`,
 * `deferred`, `requeued`, `timedOut`, `messages`, `clients`. The server's own observer
 * channel is left out.
 */
export async function sampleNsqRun(prefix: string): Promise<BrokerFigures> {
  const figures: BrokerFigures = {};
  for (const topic of await nsqdTopics(prefix)) {
    const name = topic.topic_name.slice(prefix.length);
    figures[`topic:${name}`] = { messages: topic.message_count, depth: topic.depth };
    for (const c of topic.channels) {
      if (c.channel_name === OBSERVER_CHANNEL) continue;
      figures[`channel:${name}/${c.channel_name}`] = {
        depth: c.depth,
        inFlight: c.in_flight_count,
        deferred: c.deferred_count,
        requeued: c.requeue_count,
        timedOut: c.timeout_count,
        messages: c.message_count,
        clients: c.client_count,
      };
    }
  }
  return figures;
}
