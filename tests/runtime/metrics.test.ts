/**
 * `metrics` events against the brokers' own figures: the scenario is frozen (the consumer
 * paused, the producer done), then the first sample taken a second later must equal a direct
 * read of the broker made the moment the sample arrives. While messages flow, samples differ
 * from a direct read by at most what moved within one sampling interval.
 */
import assert from 'node:assert/strict';
import { connect } from 'amqplib';
import { describe, it } from 'node:test';
import { RABBITMQ } from '../../server/brokers/endpoints';
import { serverKafka } from '../../server/brokers/kafka/adminClient';
import { nsqdTopics } from '../../server/brokers/nsq/nsqdHttp';
import { enc, management } from '../../server/brokers/rabbitmq/managementApi';
import { redisAdmin } from '../../server/brokers/redis/adminClient';
import type { Broker } from '../../server/protocol/brokers';
import type { TraceEvent, TraceEventOf } from '../../server/protocol/trace';
import type { BrokerFigures } from '../../server/runner/brokerModule';
import type { Run } from '../../server/runner/run';
import { CONSUMERS, PRODUCERS } from './fixtures/metrics';
import { metricsOf, runWithFaults } from './faultsRun';
import { ofType } from './helpers';

type Metrics = TraceEventOf<'metrics'>;

/** The broker read directly, the way an operator would, in the shape of the metrics figures. */
const READ: Record<Broker, (run: Run) => Promise<BrokerFigures>> = {
  async rabbitmq(run) {
    const vhost = `mqlab-${run.id}`;
    await management('PUT', `/permissions/${enc(vhost)}/${enc(RABBITMQ.username)}`, {
      configure: '^jobs$',
      write: '',
      read: '',
    });
    const conn = await connect(`${RABBITMQ.url}/${enc(vhost)}`);
    try {
      const ch = await conn.createChannel();
      const { messageCount, consumerCount } = await ch.checkQueue('jobs');
      // The queue's own counters (its statistics lag by seconds).
      const totals = await management<{ name: string; messages_unacknowledged: number }[]>(
        'GET',
        `/queues/${enc(vhost)}?disable_stats=true&enable_queue_totals=true`,
      );
      return {
        'queue:jobs': {
          messages: messageCount,
          unacked: totals.find((q) => q.name === 'jobs')!.messages_unacknowledged,
          consumers: consumerCount,
        },
      };
    } finally {
      await conn.close();
    }
  },
  async kafka(run) {
    const prefix = `mqlab-${run.id}.`;
    const admin = serverKafka('mqlab-test').admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(`${prefix}jobs`);
      const [committed] = await admin.fetchOffsets({
        groupId: `${prefix}billing`,
        topics: [`${prefix}jobs`],
      });
      const figures: BrokerFigures = {
        'topic:jobs': { messages: ends.reduce((n, o) => n + Number(o.high) - Number(o.low), 0) },
      };
      let lag = 0;
      for (const p of committed!.partitions) {
        const end = Number(ends.find((o) => o.partition === p.partition)!.high);
        const behind = end - Math.max(0, Number(p.offset));
        lag += behind;
        figures[`partition:billing/jobs/${p.partition}`] = {
          end,
          committed: Number(p.offset),
          lag: behind,
        };
      }
      figures['group:billing/jobs'] = { lag };
      return figures;
    } finally {
      await admin.disconnect();
    }
  },
  async nsq(run) {
    const [topic] = await nsqdTopics(`mqlab-${run.id}.jobs`);
    const c = topic!.channels.find((ch) => ch.channel_name === 'billing')!;
    return {
      'topic:jobs': { messages: topic!.message_count, depth: topic!.depth },
      'channel:jobs/billing': {
        depth: c.depth,
        inFlight: c.in_flight_count,
        requeued: c.requeue_count,
        timedOut: c.timeout_count,
        messages: c.message_count,
      },
    };
  },
  async redis(run) {
    const redis = redisAdmin();
    try {
      const key = `mqlab-${run.id}.jobs`;
      const [group] = (await redis.xinfo('GROUPS', key)) as unknown[][];
      const [consumer] = (await redis.xinfo('CONSUMERS', key, 'billing')) as unknown[][];
      const field = (flat: unknown[], name: string) => Number(flat[flat.indexOf(name) + 1]);
      return {
        'stream:jobs': { length: await redis.xlen(key) },
        'group:jobs/billing': {
          pending: field(group!, 'pending'),
          consumers: field(group!, 'consumers'),
          lag: field(group!, 'lag'),
        },
        'consumer:jobs/billing/c1': {
          pending: field(consumer!, 'pending'),
          idleMs: field(consumer!, 'idle'),
        },
      };
    } finally {
      redis.disconnect();
    }
  },
};

/** When the consumer is paused (the producer is done well before, except on Kafka). */
const PAUSE_AT: Record<Broker, string> = {
  rabbitmq: '1.5s',
  kafka: '3s',
  nsq: '1.5s',
  redis: '1.5s',
};

interface Compared {
  sample: Metrics;
  direct: BrokerFigures;
  readAt: number;
}

async function frozenComparison(broker: Broker) {
  let compared: Promise<Compared> | undefined;
  const flowing: Promise<{ sample: Metrics; direct: BrokerFigures }>[] = [];
  const { events, end } = await runWithFaults(
    broker,
    { 'producer.ts': PRODUCERS[broker], 'consumer.ts': CONSUMERS[broker] },
    {
      seconds: 30,
      faults: [`${PAUSE_AT[broker]}:pause:consumer.ts`],
      onEvent(event, run) {
        if (event.type !== 'metrics' || compared) return;
        const seen = run.trace.all();
        const pause = seen.find((e) => e.type === 'fault');
        const done = seen.find((e) => e.type === 'exit' && e.script === 'producer.ts');
        if (!pause && (broker === 'nsq' || broker === 'redis'))
          flowing.push(READ[broker](run).then((direct) => ({ sample: event, direct })));
        if (!pause || !done || event.ts < Math.max(pause.ts, done.ts) + 1100) return;
        compared = (async () => {
          const readAt = Date.now();
          const direct = await READ[broker](run);
          void run.stop('stopped', 'compared');
          return { sample: event, direct, readAt };
        })();
      },
    },
  );
  assert.equal(end.reason, 'stopped', end.message);
  assert.ok(compared, 'a sample after the scenario froze');
  return { events, end, ...(await compared), flowing: await Promise.all(flowing) };
}

function assertSame(sample: BrokerFigures, direct: BrokerFigures, skip: string[] = []) {
  for (const [entity, figures] of Object.entries(direct)) {
    for (const [figure, value] of Object.entries(figures)) {
      if (skip.includes(figure)) continue;
      assert.equal(sample[entity]?.[figure], value, `${entity} ${figure}`);
    }
  }
}

function assertRatesAddUp(events: TraceEvent[], destination: string) {
  const samples = metricsOf(events);
  const published = samples.reduce(
    (n, m) => n + ((m.figures.rates[destination]?.published ?? 0) * m.figures.intervalMs) / 1000,
    0,
  );
  const produced = ofType(events, 'produce').filter(
    (e) => e.destination === destination && e.ts <= samples.at(-1)!.ts,
  ).length;
  assert.ok(Math.abs(published - produced) < 1, `rates add up: ${published} ≈ ${produced}`);
  const latency = samples.find((m) => m.figures.latencyMs)?.figures.latencyMs;
  assert.ok(latency && latency.p50 <= latency.p95 && latency.p95 <= latency.max);
}

describe('metrics match the brokers’ own figures (real brokers)', () => {
  it('RabbitMQ: ready and consumers (passive declare), unacked (management API queue totals)', async () => {
    const { sample, direct, events } = await frozenComparison('rabbitmq');
    assertSame(sample.figures.broker, direct);
    assert.equal(direct['queue:jobs']!.unacked, 3, 'the paused consumer holds its prefetch');
    assert.ok(direct['queue:jobs']!.messages! > 0);
    assertRatesAddUp(events, 'jobs');
  });

  it('Kafka: lag per partition (committed offsets against the partitions’ ends)', async () => {
    const { sample, direct, events } = await frozenComparison('kafka');
    assertSame(sample.figures.broker, direct);
    assert.ok(direct['group:billing/jobs']!.lag! > 0, 'the paused member lags');
    assertRatesAddUp(events, 'jobs');
  });

  it('NSQ: depth, in flight, requeues and timeouts per channel (/stats)', async () => {
    const { sample, direct, events, flowing } = await frozenComparison('nsq');
    assertSame(sample.figures.broker, direct);
    assert.equal(direct['channel:jobs/billing']!.inFlight, 3);
    for (const { sample: s, direct: d } of flowing) {
      const moved = Math.ceil((s.figures.rates.jobs?.published ?? 0) + 1);
      const diff = Math.abs(s.figures.broker['topic:jobs']!.messages! - d['topic:jobs']!.messages!);
      assert.ok(
        diff <= moved,
        `a flowing sample is within one interval of a direct read (${diff})`,
      );
    }
    assertRatesAddUp(events, 'jobs');
  });

  it('Redis Streams: XLEN, pending and consumer idle time (XINFO)', async () => {
    const { sample, direct, readAt, events, flowing } = await frozenComparison('redis');
    assertSame(sample.figures.broker, direct, ['idleMs']);
    const idle = sample.figures.broker['consumer:jobs/billing/c1']!.idleMs!;
    const idleNow = direct['consumer:jobs/billing/c1']!.idleMs!;
    assert.ok(
      idleNow >= idle && idleNow - idle <= readAt - sample.ts + 50,
      'idle time moved on with the clock',
    );
    assert.equal(direct['group:jobs/billing']!.pending, 3);
    for (const { sample: s, direct: d } of flowing) {
      const moved = Math.ceil((s.figures.rates.jobs?.published ?? 0) + 1);
      const diff = Math.abs(s.figures.broker['stream:jobs']!.length! - d['stream:jobs']!.length!);
      assert.ok(
        diff <= moved,
        `a flowing sample is within one interval of a direct read (${diff})`,
      );
    }
    assertRatesAddUp(events, 'jobs');
  });
});
