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

interface OrderRow {
  id: string;
  committedAt: number;
}

/** What the database really holds after the run: committed orders only. */
function committedOrders(e: Evidence): OrderRow[] {
  return (e.tables.orders ?? []).map((row) => ({
    id: String(row.id),
    committedAt: new Date(row.created_at as string | Date).getTime(),
  }));
}

/** Order ids whose event the broker really routed (the audit queue's copy reached ops.ts). */
function eventsThatReachedTheBroker(e: Evidence): Set<string> {
  return new Set(
    eventsOf(e, 'deliver', { script: 'ops.ts', subscription: 'audit' }).flatMap(
      (d) => bodyField(d, 'orderId') ?? [],
    ),
  );
}

function shipmentsPerOrder(e: Evidence): Map<string, number> {
  const count = new Map<string, number>();
  for (const row of e.tables.shipments ?? [])
    count.set(String(row.order_id), (count.get(String(row.order_id)) ?? 0) + 1);
  return count;
}

export const checks = defineChecks([
  {
    id: 'no-event-without-order',
    title: L('没有无订单的事件', 'No event without its order'),
    check(e) {
      const orders = new Set(committedOrders(e).map((o) => o.id));
      const published = fromLearner(e, eventsOf(e, 'produce', { destination: 'order-events' }));
      const phantom = published.find((p) => !orders.has(bodyField(p, 'orderId') ?? ''));
      if (!phantom)
        return pass(
          '每个发布出去的事件都对应一个已提交的订单。',
          'Every event published belongs to a committed order.',
        );
      const id = bodyField(phantom, 'orderId') ?? '?';
      const customer = bodyField(phantom, 'customerId') ?? '?';
      return fail(
        `订单 ${id}：${phantom.script} 在 ${at(e, phantom.ts).zh} 发布了 order-created 事件，但这个订单从未提交——事务在 COMMIT 时失败了（客户 ${customer} 不存在）。下游会去处理一个并不存在的订单。`,
        `Order ${id}: ${phantom.script} published its order-created event at ${at(e, phantom.ts).en}, but the order was never committed — the transaction failed at COMMIT (customer ${customer} does not exist). Downstream now acts on an order that does not exist.`,
      );
    },
  },
  {
    id: 'no-order-without-event',
    title: L('没有无事件的订单', 'No order without its event'),
    check(e) {
      const orders = committedOrders(e);
      if (orders.length === 0)
        return fail(
          '数据库里没有任何已提交的订单。',
          'The database holds no committed order at all.',
        );
      const reached = eventsThatReachedTheBroker(e);
      const missing = orders.filter((o) => !reached.has(o.id));
      if (missing.length === 0)
        return pass(
          `${orders.length} 个已提交订单的事件全部到达了代理。`,
          `The events of all ${orders.length} committed orders reached the broker.`,
        );
      const first = missing[0]!;
      const restart = eventsOf(e, 'fault', { target: 'app.ts' }).find(
        (f) => f.ts >= first.committedAt,
      );
      const why = restart
        ? L(
            `：${restart.target} 在 ${at(e, restart.ts).zh} 重启，订单已提交、事件还没发出去`,
            `: ${restart.target} was restarted at ${at(e, restart.ts).en}, after the commit and before the event got out`,
          )
        : L('', '');
      const list = listSome(missing.map((o) => o.id));
      return fail(
        `订单 ${first.id} 在 ${at(e, first.committedAt).zh} 提交，但它的事件从未到达代理${why.zh}。没有事件的订单（${missing.length} 个）：${list.zh}。`,
        `Order ${first.id} was committed at ${at(e, first.committedAt).en}, but its event never reached the broker${why.en}. Orders without an event (${missing.length}): ${list.en}.`,
      );
    },
  },
  {
    id: 'no-duplicate-shipments',
    title: L('下游没有重复发货', 'No duplicate shipments downstream'),
    check(e) {
      const twice = [...shipmentsPerOrder(e)].find(([, n]) => n > 1);
      if (!twice) return pass('每个订单最多发货一次。', 'No order was shipped more than once.');
      const [id, n] = twice;
      const deliveries = fromLearner(
        e,
        eventsOf(e, 'deliver', { subscription: 'shipping' }),
      ).filter((d) => bodyField(d, 'orderId') === id);
      const times = deliveries.map((d) => at(e, d.ts));
      return fail(
        `订单 ${id} 发货了 ${n} 次：它的事件被投递了 ${deliveries.length} 次（${times.map((t) => t.zh).join('、')}），shipping.ts 没有认出重复。至少一次的投递下，重复是常态。`,
        `Order ${id} was shipped ${n} times: its event was delivered ${deliveries.length} times (${times.map((t) => t.en).join(', ')}) and shipping.ts did not recognise the repeat. With at-least-once delivery, repeats are normal.`,
      );
    },
  },
  {
    id: 'every-order-shipped',
    title: L('每个订单都发货了', 'Every order is shipped'),
    check(e) {
      const orders = committedOrders(e);
      if (orders.length === 0)
        return fail(
          '数据库里没有任何已提交的订单。',
          'The database holds no committed order at all.',
        );
      const shipped = shipmentsPerOrder(e);
      const missing = orders.filter((o) => !shipped.has(o.id)).map((o) => o.id);
      if (missing.length === 0)
        return pass(
          `${orders.length} 个订单全部发货。`,
          `All ${orders.length} orders were shipped.`,
        );
      const list = listSome(missing);
      return fail(
        `已提交但没有发货的订单（${missing.length} 个）：${list.zh}。`,
        `Committed orders never shipped (${missing.length}): ${list.en}.`,
      );
    },
  },
]);
