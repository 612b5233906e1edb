import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  fieldValues,
  fromLearner,
  groupBy,
  pass,
  plural,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

const SUBSCRIPTION = 'emails/mailer';
const TRANSIENT = ['e-2', 'e-4'];
const PERMANENT = 'e-5';
const MAX_ATTEMPTS = 4;
const MIN_FIRST_DELAY_MS = 200;

function emailOfMessage(e: Evidence): Map<string, string | undefined> {
  return new Map(
    eventsOf(e, 'deliver', { subscription: SUBSCRIPTION }).map((d) => [
      d.msgId,
      bodyField(d, 'emailId'),
    ]),
  );
}

function published(e: Evidence, topic: string): Map<string, number> {
  const count = new Map<string, number>();
  for (const id of fieldValues(
    fromLearner(e, eventsOf(e, 'produce', { destination: topic })),
    'emailId',
  ))
    count.set(id, (count.get(id) ?? 0) + 1);
  return count;
}

export const checks = defineChecks([
  {
    id: 'transient-recovered',
    title: L('暂时性失败经重试后发出', 'Temporary failures go out on a retry'),
    check(e) {
      const sent = published(e, 'emails.sent');
      const dead = published(e, 'emails.dead');
      for (const id of TRANSIENT) {
        if (dead.has(id)) {
          return fail(
            `${id} 被放弃并进了 emails.dead：邮件服务器只是暂时拒收（灰名单），多等一会儿再试就能成功。`,
            `${id} was given up on and parked in emails.dead: the mail server only turned it away for a moment (greylisting), and a later retry would have gone through.`,
          );
        }
        if (sent.get(id) !== 1) {
          return fail(
            `${id} 发出了 ${sent.get(id) ?? 0} 次，应当恰好 1 次。`,
            `${id} was sent ${plural(sent.get(id) ?? 0, 'time')}; it should be sent exactly once.`,
          );
        }
      }
      return pass('e-2 和 e-4 在重试后各发出一次。', 'e-2 and e-4 went out once each, on a retry.');
    },
  },
  {
    id: 'backoff-between-attempts',
    title: L('重新入队的延迟逐次变长', 'Each requeue waits longer than the last'),
    check(e) {
      const emailOf = emailOfMessage(e);
      const requeues = groupBy(
        fromLearner(e, eventsOf(e, 'requeue', { subscription: SUBSCRIPTION })),
        (r) => emailOf.get(r.msgId),
      );
      if (requeues.size === 0)
        return fail('没有任何消息被重新入队（REQ）。', 'No message was ever requeued (REQ).');
      for (const [id, list] of requeues) {
        const delays = list.map((r) => r.delayMs ?? 0);
        for (let i = 0; i < delays.length; i++) {
          const want = i === 0 ? MIN_FIRST_DELAY_MS : delays[i - 1]! * 1.5;
          if (delays[i]! < want) {
            return fail(
              `${id} 第 ${i + 1} 次重新入队的延迟是 ${delays[i]} 毫秒（${at(e, list[i]!.ts).zh}），应至少 ${Math.round(want)} 毫秒：不退避的重试会在服务器恢复之前就用光次数。`,
              `${id}: requeue ${i + 1} asked for a ${delays[i]} ms delay (at ${at(e, list[i]!.ts).en}); it should be at least ${Math.round(want)} ms: retries without backoff run out of attempts before the server recovers.`,
            );
          }
        }
      }
      return pass(
        '每次重新入队的延迟都比上一次长。',
        'Every requeue asked for a longer delay than the one before.',
      );
    },
  },
  {
    id: 'dead-lettered-after-limit',
    title: L(
      `${MAX_ATTEMPTS} 次尝试后进入死信主题`,
      `Parked in a dead-letter topic after ${MAX_ATTEMPTS} attempts`,
    ),
    check(e) {
      const handled = fromLearner(e, eventsOf(e, 'deliver', { subscription: SUBSCRIPTION })).filter(
        (d) => bodyField(d, 'emailId') === PERMANENT,
      );
      const parked = fromLearner(e, eventsOf(e, 'produce', { destination: 'emails.dead' })).find(
        (p) => bodyField(p, 'emailId') === PERMANENT,
      );
      // The delivery that nsqjs turns into 'discard' may be traced as one more delivery.
      if (!parked) {
        return fail(
          `${PERMANENT}（地址不存在，永远失败）被投递了 ${handled.length} 次，但从未发布到 emails.dead：被放弃的消息悄无声息地消失了（或者一直在重试）。`,
          `${PERMANENT} (no such mailbox, fails every time) was delivered ${plural(handled.length, 'time')} but never published to emails.dead: what was given up on vanished silently (or kept being retried).`,
        );
      }
      if (handled.length < MAX_ATTEMPTS || handled.length > MAX_ATTEMPTS + 1) {
        return fail(
          `${PERMANENT} 在 ${handled.length} 次投递后进了 emails.dead，应当是 ${MAX_ATTEMPTS} 次尝试之后。`,
          `${PERMANENT} reached emails.dead after ${plural(handled.length, 'delivery')}; it should be after ${MAX_ATTEMPTS} attempts.`,
        );
      }
      return pass(
        `${PERMANENT} 在 ${at(e, parked.ts).zh} 进入 emails.dead。`,
        `${PERMANENT} was parked in emails.dead at ${at(e, parked.ts).en}.`,
      );
    },
  },
  {
    id: 'every-email-settled',
    title: L('每封邮件都有结果', 'Every email ends up somewhere'),
    check(e) {
      const sent = published(e, 'emails.sent');
      const dead = published(e, 'emails.dead');
      const lost = fieldValues(eventsOf(e, 'produce', { script: 'signup.ts' }), 'emailId').filter(
        (id) => !sent.has(id) && !dead.has(id),
      );
      if (lost.length === 0)
        return pass(
          '每封邮件不是发出了，就是进了 emails.dead。',
          'Every email was either sent or parked in emails.dead.',
        );
      return fail(
        `${lost.join('、')} 既没发出也没进 emails.dead：被丢掉了。`,
        `${lost.join(', ')}: neither sent nor parked in emails.dead — dropped.`,
      );
    },
  },
]);
