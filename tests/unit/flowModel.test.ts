import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BoundedMap, RingBuffer } from '../../components/flow/bounded';
import { FlowModel, LIMITS } from '../../components/flow/flowModel';
import { traceEventSchema, type TraceEvent } from '../../server/protocol/trace';

/** Traces recorded from real runs of the templates: `mqlab run --json templates/<t>/*.ts`. */
function recorded(template: string): TraceEvent[] {
  const text = readFileSync(new URL(`./fixtures/trace-${template}.jsonl`, import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => traceEventSchema.parse(JSON.parse(line)));
}

function edgesOf(model: FlowModel) {
  return [...model.topology.edges.values()]
    .map((e) => `${e.from} ${e.kind} ${e.to}${e.label ? ` [${e.label}]` : ''}`)
    .sort();
}

describe('flow model on a real DLX run', () => {
  const model = new FlowModel('rabbitmq');
  model.ingest(recorded('04-rabbitmq-dlx-retries'));

  it('counts exactly what the trace holds', () => {
    const t = (k: string) => model.totals.get(k) ?? 0;
    assert.deepEqual(
      [
        t('produce'),
        t('deliver'),
        t('ack'),
        t('nack'),
        t('dead-letter'),
        t('dead-letter:rejected'),
      ],
      [9, 9, 8, 1, 1, 1],
    );
    assert.equal(model.statsOf('queue:payments').inFlight, 0);
    assert.equal(model.statsOf('script:payment-worker.ts').ack, 8);
  });

  it('draws producer → queue → consumer, with the dead-letter exchange as its own node', () => {
    assert.deepEqual(edgesOf(model), [
      'exchange:payments.dlx route queue:payments.dead',
      'queue:payments dead-letter exchange:payments.dlx [rejected]',
      'queue:payments deliver script:payment-worker.ts',
      'script:checkout.ts publish queue:payments',
      'script:payment-worker.ts retry queue:payments',
    ]);
    assert.equal(model.topology.nodes.get('exchange:payments.dlx')?.deadLetter, true);
  });

  it('lists the dead letter with its reason and keeps the message timeline', () => {
    const [entry] = model.deadLetters.toArray();
    assert.equal(entry?.reason, 'rejected');
    assert.equal(entry?.originalDestination, 'payments');
    const steps = model.messages
      .get(entry!.msgId)!
      .map((s) => s.type)
      .filter((s) => s !== 'anomaly');
    // Each failed attempt is a republish (produce) plus an ack of the old copy; the third is nacked.
    assert.equal(steps[0], 'produce');
    assert.equal(steps.filter((s) => s === 'deliver').length, 3);
    assert.deepEqual(steps.slice(-2), ['nack', 'dead-letter']);
    const path = model.pathOf([entry!.msgId]);
    assert.ok(path.has('queue:payments→exchange:payments.dlx:dead-letter'));
    assert.ok(
      path.has('exchange:payments.dlx') && path.has('script:checkout.ts'),
      'edges light up their ends',
    );
  });

  it('hands each frame its tokens once, summed per edge', () => {
    const { tokens } = model.takeFrame();
    const publish = tokens.find(
      (g) => g.edge === 'script:checkout.ts→queue:payments:publish' && g.kind === 'message',
    );
    assert.equal(publish?.count, 6);
    assert.deepEqual(model.takeFrame().tokens, []);
  });
});

describe('flow model topology from declarations', () => {
  it('shows topic bindings with their keys', () => {
    const model = new FlowModel('rabbitmq');
    model.ingest(recorded('03-rabbitmq-topic-routing'));
    const edges = edgesOf(model);
    assert.ok(edges.includes('exchange:logs route queue:alerts [*.*.error]'), edges.join('\n'));
    assert.ok(edges.includes('exchange:logs route queue:eu-audit [*.eu.#]'));
    assert.ok(edges.includes('script:publisher.ts publish exchange:logs'));
  });

  it('draws a delay queue dead-lettering into the work queue (reason expired)', () => {
    const model = new FlowModel('rabbitmq');
    model.ingest(recorded('05-rabbitmq-delayed-ttl'));
    assert.ok(
      edgesOf(model).includes('queue:reminders.wait dead-letter queue:reminders [expired]'),
    );
    assert.equal(model.totals.get('dead-letter:expired'), 3);
  });
});

describe('flow model under load', () => {
  it('folds 5,000 messages a second in a few milliseconds, with bounded memory and exact counts', () => {
    const model = new FlowModel('kafka');
    const base = { runId: 'r', broker: 'kafka' as const, ts: 0, destination: 'orders' };
    let n = 0;
    const started = performance.now();
    for (let second = 0; second < 3; second++) {
      const batch: TraceEvent[] = [];
      for (let i = 0; i < 5_000; i++) {
        const msgId = `p:${second * 5_000 + i}`;
        const offset = String(second * 5_000 + i);
        batch.push({
          ...base,
          n: ++n,
          type: 'produce',
          script: 'p.ts',
          msgId,
          partition: 0,
          offset,
          payload: 'x',
          size: 1,
        });
        batch.push({
          ...base,
          n: ++n,
          type: 'deliver',
          script: 'c.ts',
          msgId,
          subscription: 'g/orders',
          partition: 0,
          offset,
          redelivered: false,
          attempt: 1,
          payload: 'x',
        });
        batch.push({
          ...base,
          n: ++n,
          type: 'ack',
          script: 'c.ts',
          msgId,
          subscription: 'g/orders',
        });
      }
      model.ingest(batch);
      assert.ok(model.takeFrame().tokens.length <= 3, 'tokens are grouped, not one per message');
    }
    const ms = performance.now() - started;
    assert.equal(model.totals.get('deliver'), 15_000);
    assert.equal(model.statsOf('script:c.ts').ack, 15_000);
    assert.ok(model.messages.size <= LIMITS.messages);
    assert.ok(ms < 1_500, `${ms.toFixed(0)} ms for 45,000 events`);
  });
});

describe('flow model metrics and faults', () => {
  const base = { runId: 'r', ts: 5_000, script: '@run' };
  const metrics = (broker: 'rabbitmq' | 'kafka' | 'nsq' | 'redis', figures: object) =>
    ({ ...base, n: 1, broker, type: 'metrics', figures }) as TraceEvent;

  it('turns each metrics event into one chart point with the broker’s backlog', () => {
    const rates = {
      a: { published: 10, delivered: 8, acked: 7 },
      b: { published: 5, delivered: 5, acked: 5 },
    };
    const latencyMs = { samples: 3, p50: 2, p95: 9, p99: 9, max: 9 };
    const cases = [
      ['rabbitmq', { 'queue:a': { messages: 4, unacked: 1, consumers: 1 } }, 5],
      ['kafka', { 'group:g/a': { lag: 6, committed: 3 }, 'topic:a': { messages: 99 } }, 6],
      ['nsq', { 'channel:a/c': { depth: 2, inFlight: 3 }, 'topic:a': { depth: 50 } }, 5],
      ['redis', { 'group:a/g': { pending: 2, lag: 1 }, 'stream:a': { length: 40 } }, 3],
    ] as const;
    for (const [broker, figures, backlog] of cases) {
      const model = new FlowModel(broker);
      model.ingest([metrics(broker, { intervalMs: 1000, rates, latencyMs, broker: figures })]);
      const [point] = model.metrics.toArray();
      assert.deepEqual(
        point,
        { t: 5, published: 15, delivered: 13, acked: 12, p50: 2, p95: 9, backlog },
        broker,
      );
    }
    const unread = new FlowModel('kafka');
    unread.ingest([
      metrics('kafka', { intervalMs: 1000, rates: {}, broker: {}, brokerError: 'x' }),
    ]);
    assert.equal(unread.metrics.toArray()[0]!.backlog, undefined, 'no figure is not zero');
  });

  it('keeps fault events and the destinations faults can target', () => {
    const model = new FlowModel('kafka');
    model.ingest([
      { ...base, n: 1, broker: 'kafka', type: 'fault', kind: 'kill', target: 'c.ts' },
      {
        ...base,
        n: 2,
        broker: 'kafka',
        type: 'produce',
        script: 'p.ts',
        msgId: 'p:1',
        destination: 'orders',
        payload: 'x',
        size: 1,
      },
    ]);
    assert.deepEqual(
      model.faults.toArray().map((f) => [f.kind, f.target]),
      [['kill', 'c.ts']],
    );
    assert.deepEqual([...model.destinations], ['orders']);
  });
});

describe('bounded collections', () => {
  it('RingBuffer keeps the newest items and counts them all', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    assert.deepEqual(ring.toArray(), [3, 4, 5]);
    assert.equal(ring.total, 5);
  });

  it('BoundedMap keeps between half and all of its capacity, newest keys first to stay', () => {
    const map = new BoundedMap<number, number>(10);
    for (let i = 0; i < 100; i++) map.set(i, i);
    assert.ok(map.size >= 5 && map.size <= 10, `${map.size}`);
    assert.equal(map.get(99), 99);
    assert.equal(map.get(0), undefined);
    assert.deepEqual(map.keys().slice(-2), [98, 99]);
  });
});

describe('flow model on the other brokers (real runs)', () => {
  it('Kafka: topic → group → consumers, messages counted per partition once', () => {
    const model = new FlowModel('kafka');
    model.ingest(recorded('09-kafka-keyed-ordering'));
    const edges = edgesOf(model);
    assert.ok(
      edges.includes('topic:account-events route group:balances/account-events'),
      edges.join('\n'),
    );
    const partitions = model.statsOf('topic:account-events').partitions ?? {};
    assert.equal(
      Object.values(partitions).reduce((a, b) => a + b, 0),
      30,
    );
    assert.equal(model.topology.nodes.get('group:balances/account-events')?.label, 'balances');
  });

  it('NSQ: requeues go back to the channel, a discard is its own dead-letter node', () => {
    const model = new FlowModel('nsq');
    model.ingest(recorded('14-nsq-requeue-backoff'));
    assert.equal(model.statsOf('script:webhook-sender.ts').requeue, model.totals.get('requeue'));
    assert.ok(
      edgesOf(model).includes('channel:webhooks/sender dead-letter dead:webhooks [max-attempts]'),
    );
    assert.equal(model.topology.nodes.get('dead:webhooks')?.deadLetter, true);
    assert.equal(
      model.statsOf('channel:webhooks/sender').inFlight,
      0,
      'the discarded message is settled',
    );
  });

  it('Redis: claimed entries change owner without staying pending', () => {
    const model = new FlowModel('redis');
    model.ingest(recorded('18-redis-autoclaim'));
    assert.equal(model.totals.get('claim'), 2);
    assert.equal(model.statsOf('group:thumbnails/resizers').inFlight, 0);
    const claimed = model.messages
      .keys()
      .find((id) => model.messages.get(id)!.some((s) => s.type === 'claim'));
    assert.ok(claimed, 'a claimed message has a claim step in its timeline');
  });
});
