import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  faultBefore,
  fromLearner,
  listSome,
  pass,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

/** Order ids the shop published, in order. */
function ordersPublished(e: Evidence): string[] {
  return eventsOf(e, 'produce', { script: 'shop.ts' }).flatMap(
    (p) => bodyField(p, 'orderId') ?? [],
  );
}

/** Order id → first time a learner script reported it packed. */
function packedAt(e: Evidence): Map<string, number> {
  const packed = new Map<string, number>();
  for (const p of fromLearner(e, eventsOf(e, 'produce', { destination: 'packed' }))) {
    const id = bodyField(p, 'orderId');
    if (id && !packed.has(id)) packed.set(id, p.n);
  }
  return packed;
}

export const checks = defineChecks([
  {
    id: 'every-order-packed',
    title: L('每个订单都被打包', 'Every order gets packed'),
    check(e) {
      const packed = packedAt(e);
      const orders = ordersPublished(e);
      const missing = orders.filter((id) => !packed.has(id));
      if (orders.length === 0)
        return fail(
          '商店没有发布任何订单，无法评判。',
          'The shop published no orders, so there is nothing to judge.',
        );
      if (missing.length === 0)
        return pass(
          `${orders.length} 个订单全部打包。`,
          `All ${orders.length} orders were packed.`,
        );
      const first = missing[0]!;
      const delivered = eventsOf(e, 'deliver', { script: 'worker.ts' }).find(
        (d) => bodyField(d, 'orderId') === first,
      );
      const crash = delivered ? faultBefore(e, Number.MAX_SAFE_INTEGER) : undefined;
      const story = delivered
        ? L(
            `${first} 在 ${at(e, delivered.ts).zh} 投递给了 worker.ts，但从未打包，也没有再投递${crash?.zh ?? ''}：它在 worker 崩溃时还没处理完，而代理已经认为它完成了。`,
            `${first} was delivered to worker.ts at ${at(e, delivered.ts).en} but never packed and never delivered again${crash?.en ?? ''}: it was still unfinished when the worker died, and the broker already counted it as done.`,
          )
        : L(`${first} 从未投递给 worker.ts。`, `${first} was never delivered to worker.ts.`);
      const list = listSome(missing);
      return fail(
        `没有打包的订单（${missing.length}/${orders.length}）：${list.zh}。${story.zh}`,
        `Orders never packed (${missing.length} of ${orders.length}): ${list.en}. ${story.en}`,
      );
    },
  },
  {
    id: 'acked-after-packing',
    title: L('打包完成后才确认', 'Acknowledged only after packing'),
    check(e) {
      const packed = packedAt(e);
      const orderOf = new Map(
        eventsOf(e, 'deliver', { script: 'worker.ts' }).map((d) => [
          d.msgId,
          bodyField(d, 'orderId'),
        ]),
      );
      for (const ack of eventsOf(e, 'ack', { script: 'worker.ts', subscription: 'orders' })) {
        const orderId = orderOf.get(ack.msgId);
        if (!orderId) continue;
        const packedN = packed.get(orderId);
        if (packedN === undefined || packedN > ack.n) {
          return fail(
            `${orderId} 在 ${at(e, ack.ts).zh} 就被确认了，那时还没有打包：代理从此不再保留它，之后崩溃就会丢失。（自动确认也算在这里。）`,
            `${orderId} was acknowledged at ${at(e, ack.ts).en}, before it was packed: from then on the broker no longer keeps it, so a crash loses it. (Auto-ack counts as acknowledging on delivery.)`,
          );
        }
      }
      return pass('每条确认都在对应订单打包之后。', 'Every ack came after its order was packed.');
    },
  },
  {
    id: 'queue-drained',
    title: L('运行结束时队列已清空', 'The queue is empty at the end'),
    check(e) {
      const figures = e.end?.brokerFigures['queue:orders'];
      if (!figures)
        return fail(
          '没有读到代理上 orders 队列的数据。',
          'The broker reported no figures for the orders queue.',
        );
      const left = figures.messages ?? 0;
      if (left === 0)
        return pass(
          '代理报告 orders 队列为空，每个订单都已确认。',
          'The broker reports the orders queue empty: every order was acknowledged.',
        );
      return fail(
        `运行结束后，代理上的 orders 队列仍有 ${left} 条消息：它们被投递过却从未被确认（ack），连接关闭后又回到了队列。`,
        `After the run the broker still held ${left} messages in orders: they were delivered but never acknowledged, so they went back to the queue when the connection closed.`,
      );
    },
  },
]);
