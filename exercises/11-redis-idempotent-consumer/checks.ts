import {
  L,
  at,
  defineChecks,
  eventsOf,
  fail,
  fieldValues,
  fromLearner,
  groupBy,
  listSome,
  pass,
  unsettled,
  bodyField,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

const SUBSCRIPTION = 'payments/charging';

function chargesByPayment(e: Evidence) {
  return groupBy(fromLearner(e, eventsOf(e, 'produce', { destination: 'charges' })), (p) =>
    bodyField(p, 'paymentId'),
  );
}

export const checks = defineChecks([
  {
    id: 'no-double-charge',
    title: L('没有重复扣款', 'No payment is charged twice'),
    check(e) {
      for (const [paymentId, charges] of chargesByPayment(e)) {
        if (charges.length < 2) continue;
        const entries = eventsOf(e, 'deliver', { subscription: SUBSCRIPTION }).filter(
          (d) => bodyField(d, 'paymentId') === paymentId,
        );
        const ids = entries.map((d) => d.offset ?? '?').join(', ');
        return fail(
          `${paymentId} 被扣款 ${charges.length} 次（${charges.map((c) => at(e, c.ts).zh).join('、')}）：结账服务重发了它，流里出现了两条不同的消息（ID ${ids}），但它们是同一笔付款。去重键必须取自业务（paymentId），并且要保留得比任何重发来得都久。`,
          `${paymentId} was charged ${charges.length} times (at ${charges.map((c) => at(e, c.ts).en).join(', ')}): checkout sent it again, so the stream holds two different entries (IDs ${ids}) for one payment. The dedup key must come from the business (paymentId) and outlive any resend.`,
        );
      }
      return pass(
        '重发的付款都被认出来了，每笔只扣一次。',
        'Every resent payment was recognised: each was charged once.',
      );
    },
  },
  {
    id: 'every-payment-charged',
    title: L('每笔付款都扣款了', 'Every payment is charged'),
    check(e) {
      const charged = chargesByPayment(e);
      const sent = [
        ...new Set(fieldValues(eventsOf(e, 'produce', { script: 'checkout.ts' }), 'paymentId')),
      ];
      const missing = sent.filter((id) => !charged.has(id));
      if (missing.length === 0)
        return pass(`${sent.length} 笔付款全部扣款。`, `All ${sent.length} payments were charged.`);
      const list = listSome(missing);
      return fail(
        `没有扣款的付款（${missing.length} 笔）：${list.zh}。`,
        `Payments never charged (${missing.length}): ${list.en}.`,
      );
    },
  },
  {
    id: 'duplicates-acked',
    title: L('重复的消息也被确认', 'Duplicates are acknowledged too'),
    check(e) {
      const open = unsettled(e, SUBSCRIPTION);
      if (open.length === 0)
        return pass(
          '每条消息（包括重复的）都已 XACK。',
          'Every entry, duplicates included, was XACKed.',
        );
      const list = listSome(
        open.map((d) => `${bodyField(d, 'paymentId') ?? '?'} (${d.offset ?? d.msgId})`),
      );
      return fail(
        `运行结束时仍有 ${open.length} 条消息待确认：${list.zh}。跳过的重复消息也要 XACK，否则它会一直留在待确认列表里，被当成没处理完。`,
        `${open.length} entries were still pending at the end: ${list.en}. A skipped duplicate needs its XACK too, or it stays in the pending list looking unfinished.`,
      );
    },
  },
]);
