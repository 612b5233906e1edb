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
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

/** At-least-once may redo what was in hand at the crash: one order per partition at most. */
const MAX_REDONE = 3;

function orders(e: Evidence): string[] {
  return fieldValues(
    eventsOf(e, 'produce', { script: 'orders-api.ts', destination: 'orders' }),
    'orderId',
  );
}

function invoices(e: Evidence) {
  return groupBy(fromLearner(e, eventsOf(e, 'produce', { destination: 'invoices' })), (p) =>
    bodyField(p, 'orderId'),
  );
}

export const checks = defineChecks([
  {
    id: 'every-order-invoiced',
    title: L('每个订单都开了发票', 'Every order is invoiced'),
    check(e) {
      const done = invoices(e);
      const missing = orders(e).filter((id) => !done.has(id));
      if (missing.length === 0)
        return pass(
          `${orders(e).length} 个订单都开了发票。`,
          `All ${orders(e).length} orders were invoiced.`,
        );
      const first = missing[0]!;
      const delivered = fromLearner(e, eventsOf(e, 'deliver', { destination: 'orders' })).find(
        (d) => bodyField(d, 'orderId') === first,
      );
      const restart = eventsOf(e, 'fault', { target: 'invoicer.ts' })[0];
      const story =
        delivered && restart
          ? L(
              `${first}（分区 ${delivered.partition}，offset ${delivered.offset}）在 ${at(e, delivered.ts).zh} 读到，在 ${at(e, restart.ts).zh} 的崩溃之前还没开发票，而它的 offset 已经提交了：重启后消费组从提交点之后继续读，它就永远跳过了。`,
              `${first} (partition ${delivered.partition}, offset ${delivered.offset}) was read at ${at(e, delivered.ts).en} and not yet invoiced when the process crashed at ${at(e, restart.ts).en}, but its offset had already been committed: after the restart the group went on from there and skipped it for good.`,
            )
          : L('', '');
      const list = listSome(missing);
      return fail(
        `没开发票的订单（${missing.length} 个）：${list.zh}。${story.zh}`,
        `Orders never invoiced (${missing.length}): ${list.en}. ${story.en}`,
      );
    },
  },
  {
    id: 'committed-after-invoicing',
    title: L('开完发票才提交 offset', 'Offsets are committed only after invoicing'),
    check(e) {
      const firstInvoice = new Map([...invoices(e)].map(([id, list]) => [id, list[0]!]));
      const read = fromLearner(e, eventsOf(e, 'deliver', { destination: 'orders' }));
      for (const commit of fromLearner(e, eventsOf(e, 'commit', { destination: 'orders' }))) {
        const covered = read.filter(
          (d) =>
            d.partition === commit.partition &&
            d.offset !== undefined &&
            BigInt(d.offset) < BigInt(commit.offset),
        );
        const early = covered.find((d) => {
          const invoice = firstInvoice.get(bodyField(d, 'orderId') ?? '');
          return !invoice || invoice.n > commit.n;
        });
        if (!early) continue;
        const orderId = bodyField(early, 'orderId') ?? '?';
        const invoice = firstInvoice.get(orderId);
        const later = invoice
          ? L(
              `，直到 ${at(e, invoice.ts).zh} 才开`,
              `; it was invoiced only at ${at(e, invoice.ts).en}`,
            )
          : L('，而且从未开出', ', and never was');
        return fail(
          `分区 ${commit.partition} 在 ${at(e, commit.ts).zh} 提交到 offset ${commit.offset}，那时 ${orderId}（offset ${early.offset}）的发票还没开${later.zh}。提交 offset 就是告诉 Kafka"这之前的都处理完了"。`,
          `Partition ${commit.partition} was committed up to offset ${commit.offset} at ${at(e, commit.ts).en}, before ${orderId} (offset ${early.offset}) was invoiced${later.en}. Committing an offset tells Kafka "everything before this is done".`,
        );
      }
      return pass(
        '每次提交的 offset 之前的订单都已开好发票。',
        'Every committed offset covered only orders already invoiced.',
      );
    },
  },
  {
    id: 'redo-bounded',
    title: L('崩溃后只重做手头那一条', 'A crash redoes only the order in hand'),
    check(e) {
      const redone = [...invoices(e)].filter(([, list]) => list.length > 1).map(([id]) => id);
      if (redone.length <= MAX_REDONE) {
        return pass(
          `崩溃后重做了 ${redone.length} 个订单。`,
          `${redone.length} order(s) were redone after the crash.`,
        );
      }
      const list = listSome(redone);
      return fail(
        `崩溃后有 ${redone.length} 个订单又开了一次发票（${list.zh}）：它们早就处理完了，但 offset 一直没有提交，重启后消费组从很久以前的位置重读。每处理完一条就提交，最多只重做手头那一条。`,
        `${redone.length} orders were invoiced again after the crash (${list.en}): they had long been done, but their offsets were never committed, so the group re-read from far back. Commit after each order and a crash redoes only the one in hand.`,
      );
    },
  },
]);
