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
  listSome,
  pass,
  unsettled,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

const SUBSCRIPTION = 'reports/renderer';

function reports(e: Evidence): string[] {
  return fieldValues(eventsOf(e, 'produce', { script: 'finance.ts' }), 'reportId');
}

function rendered(e: Evidence) {
  return groupBy(fromLearner(e, eventsOf(e, 'produce', { destination: 'reports.done' })), (p) =>
    bodyField(p, 'reportId'),
  );
}

export const checks = defineChecks([
  {
    id: 'no-timeout-while-working',
    title: L('处理期间消息没有超时', 'No message times out while being worked on'),
    check(e) {
      const deliveries = groupBy(
        fromLearner(e, eventsOf(e, 'deliver', { subscription: SUBSCRIPTION })),
        (d) => bodyField(d, 'reportId'),
      );
      for (const [reportId, list] of deliveries) {
        if (list.length < 2) continue;
        const [first, again] = list;
        return fail(
          `${reportId} 在 ${at(e, first!.ts).zh} 投递给 ${first!.script}，还在渲染时，又在 ${at(e, again!.ts).zh} 被 nsqd 重新投递：1 秒的消息超时到了，nsqd 以为渲染器已经死了。渲染期间要定期调用 msg.touch()，间隔要短于超时。`,
          `${reportId} was delivered to ${first!.script} at ${at(e, first!.ts).en} and, while still being rendered, delivered again at ${at(e, again!.ts).en}: its 1 s message timeout ran out and nsqd took the renderer for dead. Call msg.touch() while rendering, more often than the timeout.`,
        );
      }
      return pass(
        '没有消息在处理期间超时重投。',
        'No message timed out and came back while it was being rendered.',
      );
    },
  },
  {
    id: 'every-report-rendered-once',
    title: L('每份报表恰好渲染一次', 'Every report is rendered exactly once'),
    check(e) {
      const done = rendered(e);
      const missing = reports(e).filter((id) => !done.has(id));
      if (missing.length > 0) {
        const list = listSome(missing);
        return fail(`没有渲染完成的报表：${list.zh}。`, `Reports never rendered: ${list.en}.`);
      }
      const twice = [...done].find(([, list]) => list.length > 1);
      if (twice) {
        return fail(
          `${twice[0]} 被渲染了 ${twice[1].length} 次：超时的消息被重新投递，同一份报表被并行地重复处理。`,
          `${twice[0]} was rendered ${twice[1].length} times: the timed-out message came back and the same report was worked on again in parallel.`,
        );
      }
      return pass('4 份报表各渲染一次。', 'Each of the 4 reports was rendered once.');
    },
  },
  {
    id: 'all-finished',
    title: L('每条消息都 FIN 了', 'Every message is finished'),
    check(e) {
      const open = unsettled(e, SUBSCRIPTION);
      if (open.length === 0)
        return pass('每条消息最后都 FIN 了。', 'Every message was finished (FIN) in the end.');
      const list = listSome(open.map((d) => bodyField(d, 'reportId') ?? d.msgId));
      return fail(
        `${list.zh} 处理完后没有 FIN：nsqd 认为它们还在处理中，超时后会再投递一遍。`,
        `${list.en} ${open.length === 1 ? 'was' : 'were'} never finished (FIN) after rendering: nsqd counts them as still in flight and hands them out again after the timeout.`,
      );
    },
  },
]);
