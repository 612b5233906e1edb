import { NSQ } from '../endpoints';

export interface ChannelStats {
  channel_name: string;
  depth: number;
  in_flight_count: number;
  deferred_count: number;
  requeue_count: number;
  timeout_count: number;
  message_count: number;
  client_count: number;
}

export interface TopicStats {
  topic_name: string;
  depth: number;
  message_count: number;
  channels: ChannelStats[];
}

/** nsqd's own figures (GET /stats), topics whose names start with `prefix`. Server only: sandboxes cannot reach the HTTP port. */
export async function nsqdTopics(prefix: string): Promise<TopicStats[]> {
  const res = await fetch(`${NSQ.nsqdHttpUrl}/stats?format=json`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`nsqd /stats: ${res.status}`);
  const stats = (await res.json()) as { topics?: TopicStats[] };
  return (stats.topics ?? []).filter((t) => t.topic_name.startsWith(prefix));
}

export async function deleteNsqTopic(topic: string): Promise<void> {
  const res = await fetch(`${NSQ.nsqdHttpUrl}/topic/delete?topic=${encodeURIComponent(topic)}`, {
    method: 'POST',
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok && res.status !== 404) throw new Error(`nsqd /topic/delete ${topic}: ${res.status}`);
}
