import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  fromLearner,
  gaps,
  groupBy,
  pass,
  plural,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

/** The gateway's script: pay-2 and pay-4 fail for a while, pay-5 always. */
const TRANSIENT = ['pay-2', 'pay-4'];
const PERMANENT = 'pay-5';
const MAX_ATTEMPTS = 4;
const MIN_FIRST_GAP_MS = 200;

function attemptsByPayment(e: Evidence) {
  const deliveries = fromLearner(e, eventsOf(e, 'deliver', { subscription: 'payments' }));
  return groupBy(deliveries, (d) => bodyField(d, 'paymentId'));
}

function receipts(e: Evidence): Map<string, number> {
  const count = new Map<string, number>();
  for (const p of fromLearner(e, eventsOf(e, 'produce', { destination: 'receipts' }))) {
    const id = bodyField(p, 'paymentId');
    if (id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  return count;
}

/** Dead letters the broker itself routed out of `payments` (expired retry copies are not). */
function deadLettered(e: Evidence) {
  return eventsOf(e, 'dead-letter', {
    observedBy: 'broker',
    originalDestination: 'payments',
  }).filter((d) => d.reason !== 'expired');
}

function attemptTimes(e: Evidence, id: string): string {
  const times = (attemptsByPayment(e).get(id) ?? []).map((d) => at(e, d.ts).en);
  return times.join(', ');
}

export const checks = defineChecks([
  {
    id: 'transient-recovered',
    title: L('暂时性失败经重试后成功', 'Transient failures succeed on a retry'),
    check(e) {
      const paid = receipts(e);
      const dead = new Set(deadLettered(e).map((d) => bodyField(d, 'paymentId')));
      for (const id of TRANSIENT) {
        const tries = attemptsByPayment(e).get(id)?.length ?? 0;
        if (dead.has(id)) {
          return fail(
            `${id} 被送进了死信队列（共尝试 ${tries} 次，时间：${attemptTimes(e, id)}）：网关只是暂时故障，多等一会儿再试就能成功。`,
            `${id} was dead-lettered after ${plural(tries, 'attempt')} (at ${attemptTimes(e, id)}): the gateway was only briefly unavailable, and a later retry would have gone through.`,
          );
        }
        if ((paid.get(id) ?? 0) !== 1) {
          return fail(
            `${id} 出具了 ${paid.get(id) ?? 0} 张收据，应当恰好 1 张。`,
            `${id} got ${paid.get(id) ?? 0} receipts; it should get exactly one.`,
          );
        }
      }
      return pass(
        'pay-2 和 pay-4 在重试后都成功扣款，各一张收据。',
        'pay-2 and pay-4 were charged on a retry, one receipt each.',
      );
    },
  },
  {
    id: 'backoff-between-attempts',
    title: L('重试之间有递增的等待', 'Retries wait longer each time'),
    check(e) {
      for (const [id, deliveries] of attemptsByPayment(e)) {
        const waits = gaps(deliveries.map((d) => d.ts));
        for (let i = 0; i < waits.length; i++) {
          const wait = waits[i]!;
          const previous = waits[i - 1];
          const tooShort = i === 0 ? wait < MIN_FIRST_GAP_MS : wait < previous! * 1.5 - 50;
          if (tooShort) {
            const want = i === 0 ? `${MIN_FIRST_GAP_MS} ms` : `${Math.round(previous! * 1.5)} ms`;
            return fail(
              `${id} 的第 ${i + 2} 次尝试距上一次只有 ${wait} 毫秒（应至少 ${want}）：没有退避的重试会在故障还没恢复时就用光次数，还会压垮下游。`,
              `${id}: attempt ${i + 2} came ${wait} ms after attempt ${i + 1} (want at least ${want}): retries without backoff burn through the attempts before the fault clears, and hammer the downstream.`,
            );
          }
        }
      }
      return pass(
        '每次重试前的等待都比上一次更长。',
        'Each retry waited longer than the one before.',
      );
    },
  },
  {
    id: 'dead-lettered-after-limit',
    title: L(
      `${MAX_ATTEMPTS} 次失败后进入死信队列`,
      `Dead-lettered after ${MAX_ATTEMPTS} attempts`,
    ),
    check(e) {
      const tries = attemptsByPayment(e).get(PERMANENT) ?? [];
      const dead = deadLettered(e).find((d) => bodyField(d, 'paymentId') === PERMANENT);
      if (tries.length !== MAX_ATTEMPTS) {
        return fail(
          `${PERMANENT}（卡被冻结，永远失败）被尝试了 ${tries.length} 次，应当恰好 ${MAX_ATTEMPTS} 次。`,
          `${PERMANENT} (card blocked, fails every time) was attempted ${plural(tries.length, 'time')}; it should be exactly ${MAX_ATTEMPTS}.`,
        );
      }
      if (!dead) {
        return fail(
          `${PERMANENT} 在第 ${MAX_ATTEMPTS} 次失败后没有被代理投入死信交换机：它被确认后丢弃了，既没扣款也不在 payments.dead 里，没人会知道它失败过。`,
          `${PERMANENT} was never dead-lettered by the broker after its ${MAX_ATTEMPTS}th failure: it was acked and dropped, neither charged nor in payments.dead, so nobody will ever know it failed.`,
        );
      }
      return pass(
        `${PERMANENT} 在第 ${MAX_ATTEMPTS} 次失败后于 ${at(e, dead.ts).zh} 进入死信队列（原因：${dead.reason}）。`,
        `${PERMANENT} was dead-lettered at ${at(e, dead.ts).en} after its ${MAX_ATTEMPTS}th failure (reason: ${dead.reason}).`,
      );
    },
  },
  {
    id: 'every-payment-settled',
    title: L('每笔付款都有结果', 'Every payment ends up somewhere'),
    check(e) {
      const paid = receipts(e);
      const dead = new Set(deadLettered(e).map((d) => bodyField(d, 'paymentId')));
      const sent = eventsOf(e, 'produce', { script: 'checkout.ts' }).flatMap(
        (p) => bodyField(p, 'paymentId') ?? [],
      );
      const lost = sent.filter((id) => !paid.has(id) && !dead.has(id));
      if (lost.length === 0)
        return pass(
          '每笔付款不是出了收据，就是进了死信队列。',
          'Every payment was either charged or dead-lettered.',
        );
      return fail(
        `${lost.join('、')} 既没有收据也不在死信队列中：它们被丢掉了。`,
        `${lost.join(', ')} got no receipt and never reached the dead-letter queue: dropped without a trace.`,
      );
    },
  },
]);
