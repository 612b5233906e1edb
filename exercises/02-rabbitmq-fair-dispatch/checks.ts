import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  fromLearner,
  listSome,
  pass,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

const DEADLINE_MS = 3000;
const MAX_SLOW_SHARE = 8;

function rendered(e: Evidence) {
  return fromLearner(e, eventsOf(e, 'produce', { destination: 'rendered' }));
}

function jobs(e: Evidence): string[] {
  return eventsOf(e, 'produce', { script: 'billing.ts' }).flatMap(
    (p) => bodyField(p, 'invoiceId') ?? [],
  );
}

export const checks = defineChecks([
  {
    id: 'every-invoice-rendered',
    title: L('每张发票都已生成', 'Every invoice is rendered'),
    check(e) {
      const done = new Set(rendered(e).map((p) => bodyField(p, 'invoiceId')));
      const missing = jobs(e).filter((id) => !done.has(id));
      if (missing.length === 0)
        return pass(
          `${jobs(e).length} 张发票全部生成。`,
          `All ${jobs(e).length} invoices were rendered.`,
        );
      const list = listSome(missing);
      return fail(`没有生成的发票：${list.zh}。`, `Invoices never rendered: ${list.en}.`);
    },
  },
  {
    id: 'finished-in-time',
    title: L(`${DEADLINE_MS / 1000} 秒内全部完成`, `All done within ${DEADLINE_MS / 1000} s`),
    check(e) {
      const first = eventsOf(e, 'produce', { script: 'billing.ts' })[0];
      const last = rendered(e).at(-1);
      if (!first || !last) return fail('没有可计时的发票。', 'There was nothing to time.');
      const took = last.ts - first.ts;
      if (took <= DEADLINE_MS)
        return pass(
          `24 张发票用时 ${(took / 1000).toFixed(1)} 秒。`,
          `The 24 invoices took ${(took / 1000).toFixed(1)} s.`,
        );
      const slowIdle = idleSince(e, 'worker-fast.ts');
      return fail(
        `最后一张发票在发布后 ${(took / 1000).toFixed(1)} 秒才生成（上限 ${DEADLINE_MS / 1000} 秒）；worker-fast.ts 从 ${slowIdle.zh} 起就没活干了，而 worker-slow.ts 手里还压着发票。`,
        `The last invoice was rendered ${(took / 1000).toFixed(1)} s after billing published (limit ${DEADLINE_MS / 1000} s); worker-fast.ts had nothing left to do from ${slowIdle.en} while worker-slow.ts still held a backlog.`,
      );
    },
  },
  {
    id: 'slow-worker-share',
    title: L('慢的工人只分到少量发票', 'The slow worker gets only a few invoices'),
    check(e) {
      const slow = rendered(e).filter((p) => p.script === 'worker-slow.ts').length;
      const total = rendered(e).length;
      if (slow <= MAX_SLOW_SHARE)
        return pass(
          `worker-slow.ts 生成了 ${total} 张中的 ${slow} 张。`,
          `worker-slow.ts rendered ${slow} of ${total}.`,
        );
      return fail(
        `worker-slow.ts 生成了 ${total} 张中的 ${slow} 张（最多应为 ${MAX_SLOW_SHARE} 张）：RabbitMQ 把发票轮流推给两个工人，不管谁空闲——没有预取上限时，慢工人的份额早已堆在它的连接里。`,
        `worker-slow.ts rendered ${slow} of ${total} invoices (at most ${MAX_SLOW_SHARE} expected): RabbitMQ pushed invoices to both workers in turn, whoever was free — without a prefetch limit the slow worker's share was already sitting in its connection.`,
      );
    },
  },
]);

function idleSince(e: Evidence, script: string) {
  const last = rendered(e)
    .filter((p) => p.script === script)
    .at(-1);
  return last ? at(e, last.ts) : { zh: '开始', en: 'the start' };
}
