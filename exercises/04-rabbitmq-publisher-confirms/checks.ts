import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  fieldValues,
  fromLearner,
  listSome,
  pass,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

const ORDERS = Array.from({ length: 150 }, (_, i) => `order-${i + 1}`);
const MAX_DUPLICATES = 5;

/** What the warehouse really took off the queue: the broker had it. */
function stored(e: Evidence): string[] {
  return fieldValues(
    eventsOf(e, 'deliver', { script: 'warehouse.ts', subscription: 'orders' }),
    'orderId',
  );
}

export const checks = defineChecks([
  {
    id: 'every-order-stored',
    title: L('每个订单都进了队列', 'Every order reaches the queue'),
    check(e) {
      const have = new Set(stored(e));
      const missing = ORDERS.filter((id) => !have.has(id));
      if (missing.length === 0)
        return pass('150 个订单全部到达仓库。', 'All 150 orders reached the warehouse.');
      const drop = eventsOf(e, 'fault', { kind: 'drop' })[0];
      const first = missing[0]!;
      const sent = fromLearner(e, eventsOf(e, 'produce', { destination: 'orders' })).find(
        (p) => bodyField(p, 'orderId') === first,
      );
      const story = sent
        ? L(
            `${first} 在 ${at(e, sent.ts).zh} 发出${drop ? `（连接在 ${at(e, drop.ts).zh} 被断开）` : ''}，但代理从未收到它，也没有人重发。`,
            `${first} was published at ${at(e, sent.ts).en}${drop ? ` (the connection was dropped at ${at(e, drop.ts).en})` : ''}, but the broker never got it and nobody sent it again.`,
          )
        : L(`${first} 从未发出。`, `${first} was never published.`);
      const list = listSome(missing);
      return fail(
        `丢失的订单（${missing.length} 个）：${list.zh}。${story.zh}`,
        `Orders lost (${missing.length}): ${list.en}. ${story.en}`,
      );
    },
  },
  {
    id: 'few-duplicates',
    title: L('重发只限于未确认的订单', 'Only unconfirmed orders are sent again'),
    check(e) {
      const seen = stored(e);
      const extra = seen.length - new Set(seen).size;
      if (extra <= MAX_DUPLICATES)
        return pass(`仓库收到 ${extra} 个重复订单。`, `The warehouse saw ${extra} duplicate(s).`);
      return fail(
        `仓库收到了 ${extra} 个重复订单：只有断线时还没确认的订单才需要重发，已确认的不必。`,
        `The warehouse saw ${extra} duplicates: only the orders still unconfirmed when the connection dropped need sending again, not the confirmed ones.`,
      );
    },
  },
]);
