import type { Channel, Options } from 'amqplib';
import { emit } from '../../../runner/inside/traceWriter.ts';
import { DEAD_LETTER_QUEUE, TAP_PREFIX } from './names.ts';

/**
 * Lets the server see dead letters without trusting the learner's code: a queue's
 * dead-letter exchange X is swapped for a fanout "tap" exchange that forwards to X
 * (exchange-to-exchange binding, so X still routes by the original routing key) and to the
 * server's own DEAD_LETTER_QUEUE. For the default exchange as DLX (with a dead-letter routing
 * key K) the tap is direct and binds queue K and the server queue with key K.
 * The learner sees the names it used everywhere; only the queue's x-dead-letter-exchange
 * argument on the broker says mqlab.tap.X.
 */
export class DeadLetterTap {
  private readonly pendingDefaultKeys = new Set<string>();

  constructor(private readonly openChannel: () => Promise<Channel>) {}

  async rewriteQueueOptions(
    options: Options.AssertQueue | undefined,
  ): Promise<Options.AssertQueue | undefined> {
    const args = { ...(options?.arguments ?? {}) } as Record<string, unknown>;
    const dlx =
      options?.deadLetterExchange ?? (args['x-dead-letter-exchange'] as string | undefined);
    if (dlx === undefined || dlx === null) return options;
    const key =
      options?.deadLetterRoutingKey ?? (args['x-dead-letter-routing-key'] as string | undefined);
    if (dlx === '' && !key) return options; // routed by each message's own key: not observable this way
    const tap = TAP_PREFIX + dlx;
    await this.guard(dlx, () =>
      dlx === '' ? this.tapDefaultExchange(key!) : this.tapExchange(dlx),
    );
    return {
      ...options,
      deadLetterExchange: tap,
      arguments: { ...args, 'x-dead-letter-exchange': tap },
    };
  }

  /** A learner exchange was declared: if it is some queue's DLX, connect its tap now. */
  async exchangeDeclared(name: string): Promise<void> {
    if (name === '' || name.startsWith(TAP_PREFIX)) return;
    await this.guard(name, async () => {
      if (await this.exists('exchange', TAP_PREFIX + name))
        await this.run((ch) => ch.bindExchange(name, TAP_PREFIX + name, ''));
    });
  }

  /** A learner queue was declared: if it is a default-exchange dead-letter target, bind it. */
  async queueDeclared(name: string): Promise<void> {
    if (!this.pendingDefaultKeys.has(name)) return;
    await this.guard(name, () => this.run((ch) => ch.bindQueue(name, TAP_PREFIX, name)));
    this.pendingDefaultKeys.delete(name);
  }

  private async tapExchange(dlx: string) {
    const tap = TAP_PREFIX + dlx;
    await this.run(async (ch) => {
      await ch.assertExchange(tap, 'fanout', { durable: true });
      await ch.bindQueue(DEAD_LETTER_QUEUE, tap, '');
    });
    if (await this.exists('exchange', dlx)) await this.run((ch) => ch.bindExchange(dlx, tap, ''));
  }

  private async tapDefaultExchange(key: string) {
    await this.run(async (ch) => {
      await ch.assertExchange(TAP_PREFIX, 'direct', { durable: true });
      await ch.bindQueue(DEAD_LETTER_QUEUE, TAP_PREFIX, key);
    });
    if (await this.exists('queue', key)) await this.run((ch) => ch.bindQueue(key, TAP_PREFIX, key));
    else this.pendingDefaultKeys.add(key);
  }

  /** A failed check closes its channel (404), so every operation gets a short-lived one. */
  private async exists(kind: 'exchange' | 'queue', name: string): Promise<boolean> {
    try {
      await this.run((ch) => (kind === 'exchange' ? ch.checkExchange(name) : ch.checkQueue(name)));
      return true;
    } catch {
      return false;
    }
  }

  private async run<T>(work: (ch: Channel) => Promise<T>): Promise<T> {
    const ch = await this.openChannel();
    ch.on('error', () => {});
    try {
      return await work(ch);
    } finally {
      await ch.close().catch(() => {});
    }
  }

  private async guard(name: string, work: () => Promise<unknown>) {
    try {
      await work();
    } catch (err) {
      emit({
        type: 'error',
        message: `MQ Lab could not watch dead letters of "${name}": ${(err as Error).message}`,
        fatal: false,
      });
    }
  }
}
