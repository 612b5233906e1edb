import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  fromLearner,
  pass,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';
import { RULE, backlogAt, backlogPeriods, sustainedBacklog } from './backlog';

/** The monitor reads ready messages a little behind the trace's count: allow for polling and prefetch. */
const EARLY_MS = 400;
const LATE_MS = 1200;

function alerts(e: Evidence, state: 'firing' | 'resolved') {
  return fromLearner(e, eventsOf(e, 'produce', { destination: 'alerts' })).filter(
    (p) => bodyField(p, 'state') === state,
  );
}

function noBacklog() {
  return fail(
    `运行中没有出现持续 ${RULE.forMs / 1000} 秒以上的积压，无法评判（fulfilment.ts 没有被暂停？）。`,
    `No backlog lasted ${RULE.forMs / 1000} s during the run, so there is nothing to judge (was fulfilment.ts not paused?).`,
  );
}

export const checks = defineChecks([
  {
    id: 'alert-fires-in-time',
    title: L('持续积压时及时告警', 'A lasting backlog fires the alert in time'),
    check(e) {
      const backlog = sustainedBacklog(e);
      if (!backlog) return noBacklog();
      const due = backlog.from + RULE.forMs;
      const fired = alerts(e, 'firing').find(
        (a) => a.ts >= due - EARLY_MS && a.ts <= due + LATE_MS,
      );
      if (fired) {
        return pass(
          `积压从 ${at(e, backlog.from).zh} 起超过 ${RULE.threshold}，告警在 ${at(e, fired.ts).zh} 触发。`,
          `The backlog passed ${RULE.threshold} at ${at(e, backlog.from).en}; the alert fired at ${at(e, fired.ts).en}.`,
        );
      }
      return fail(
        `积压从 ${at(e, backlog.from).zh} 起超过 ${RULE.threshold}（峰值 ${backlog.peak}），应在 ${at(e, due).zh} 左右告警，但在 ${at(e, due + LATE_MS).zh} 之前没有发出 firing 告警。`,
        `The backlog passed ${RULE.threshold} at ${at(e, backlog.from).en} (peak ${backlog.peak}); the alert was due around ${at(e, due).en}, but no firing alert came by ${at(e, due + LATE_MS).en}.`,
      );
    },
  },
  {
    id: 'ignores-short-spikes',
    title: L('短暂的尖峰不告警', 'A short spike does not fire'),
    check(e) {
      const backlog = sustainedBacklog(e);
      if (!backlog) return noBacklog();
      const early = alerts(e, 'firing').find((a) => a.ts < backlog.from + RULE.forMs - EARLY_MS);
      if (!early)
        return pass(
          '持续时间不足的积压没有触发告警。',
          'No alert fired for a backlog that did not last.',
        );
      const spike = backlogPeriods(e).find(
        (p) => early.ts >= p.from && early.ts <= p.to + EARLY_MS,
      );
      const lasted = spike
        ? `${((Math.min(spike.to, early.ts) - spike.from) / 1000).toFixed(2)}`
        : '0';
      return fail(
        `告警在 ${at(e, early.ts).zh} 触发（积压 ${bodyField(early, 'depth') ?? '?'}），而积压超过 ${RULE.threshold} 才 ${lasted} 秒；规则要求持续 ${RULE.forMs / 1000} 秒。这样的尖峰会自己消化，半夜叫醒人是误报。`,
        `The alert fired at ${at(e, early.ts).en} (depth ${bodyField(early, 'depth') ?? '?'}) when the backlog had been over ${RULE.threshold} for only ${lasted} s; the rule asks for ${RULE.forMs / 1000} s. A spike like that drains by itself: paging someone for it is a false alarm.`,
      );
    },
  },
  {
    id: 'once-per-cooldown',
    title: L('冷却期内只告警一次', 'Fires once per cooldown'),
    check(e) {
      const fired = alerts(e, 'firing');
      if (fired.length === 0)
        return fail('没有发出任何 firing 告警。', 'No firing alert was sent at all.');
      const second = fired.find((a, i) => i > 0 && a.ts - fired[0]!.ts < RULE.cooldownMs);
      if (!second) return pass('冷却期内只告警了一次。', 'One alert within the cooldown.');
      return fail(
        `共发出 ${fired.length} 次 firing 告警：第 2 次在 ${at(e, second.ts).zh}，距第 1 次（${at(e, fired[0]!.ts).zh}）不到 ${RULE.cooldownMs / 1000} 秒的冷却期。值班的人会被同一件事反复叫醒。`,
        `${fired.length} firing alerts were sent: the second at ${at(e, second.ts).en}, within the ${RULE.cooldownMs / 1000} s cooldown of the first (${at(e, fired[0]!.ts).en}). Whoever is on call gets paged again and again for the same thing.`,
      );
    },
  },
  {
    id: 'clears-when-drained',
    title: L('积压消化后告警解除', 'The alert clears once drained'),
    check(e) {
      const backlog = sustainedBacklog(e);
      if (!backlog) return noBacklog();
      const resolved = alerts(e, 'resolved').filter((a) => a.ts > backlog.from);
      const tooEarly = resolved.find((a) => a.ts < backlog.to - EARLY_MS);
      if (tooEarly) {
        return fail(
          `告警在 ${at(e, tooEarly.ts).zh} 就解除了，而那时积压仍有约 ${backlogAt(e, tooEarly.ts)} 条（直到 ${at(e, backlog.to).zh} 才降到 ${RULE.threshold} 以下）。`,
          `The alert was resolved at ${at(e, tooEarly.ts).en} while the backlog was still about ${backlogAt(e, tooEarly.ts)} (it fell to ${RULE.threshold} only at ${at(e, backlog.to).en}).`,
        );
      }
      const onTime = resolved.find((a) => a.ts <= backlog.to + LATE_MS);
      if (onTime) {
        return pass(
          `积压在 ${at(e, backlog.to).zh} 消化，告警在 ${at(e, onTime.ts).zh} 解除。`,
          `The backlog drained at ${at(e, backlog.to).en}; the alert was resolved at ${at(e, onTime.ts).en}.`,
        );
      }
      return fail(
        `积压在 ${at(e, backlog.to).zh} 已降到 ${RULE.threshold} 以下，但没有及时发出 resolved：告警会一直挂着，下一次真正的积压就没人注意了。`,
        `The backlog fell to ${RULE.threshold} or below at ${at(e, backlog.to).en}, but no resolved alert followed in time: the alert stays up forever and the next real backlog goes unnoticed.`,
      );
    },
  },
  {
    id: 'reports-depth',
    title: L('定期上报与代理一致的队列深度', 'Reports the queue depth the broker sees'),
    check(e) {
      const samples = fromLearner(e, eventsOf(e, 'produce', { destination: 'metrics' }));
      if (samples.length < 6) {
        return fail(
          `只上报了 ${samples.length} 个指标样本，应当大约每秒一个。`,
          `Only ${samples.length} metric samples were published; expected about one a second.`,
        );
      }
      for (const sample of samples) {
        const reported = Number(bodyField(sample, 'depth'));
        const actual = backlogAt(e, sample.ts);
        if (!Number.isFinite(reported) || Math.abs(reported - actual) > 15 + actual * 0.25) {
          return fail(
            `${at(e, sample.ts).zh} 的样本报告深度 ${bodyField(sample, 'depth') ?? '（缺失）'}，而当时积压约 ${actual} 条。`,
            `The sample at ${at(e, sample.ts).en} reported depth ${bodyField(sample, 'depth') ?? '(missing)'} while the backlog was about ${actual}.`,
          );
        }
      }
      return pass(
        `${samples.length} 个样本，深度与实际积压相符。`,
        `${samples.length} samples, each with a depth that matches the real backlog.`,
      );
    },
  },
]);
