import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  fromLearner,
  groupBy,
  listSome,
  pass,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

const ACCOUNTS = ['acct-1', 'acct-2', 'acct-3', 'acct-4', 'acct-5'];
const EVENTS_PER_ACCOUNT = 8;

/** Ledger bookings by anyone (ledger.ts and the harness's ledger-2.ts), per account, in time order. */
function bookings(e: Evidence) {
  const all = eventsOf(e, 'produce', { destination: 'ledger-entries' }).sort(
    (a, b) => a.ts - b.ts || a.n - b.n,
  );
  return groupBy(all, (p) => bodyField(p, 'account'));
}

/** When ledger-2 took over partitions: its first delivery. */
function rebalanceAt(e: Evidence): number | undefined {
  return eventsOf(e, 'deliver', { script: 'ledger-2.ts' })[0]?.ts;
}

export const checks = defineChecks([
  {
    id: 'events-keyed-by-account',
    title: L('事件以账户为键发送', 'Events are keyed by account'),
    check(e) {
      const sent = fromLearner(e, eventsOf(e, 'produce', { destination: 'account-events' }));
      if (sent.length === 0) return fail('bank.ts 没有发送任何事件。', 'bank.ts sent no events.');
      const bad = sent.find((p) => p.key !== bodyField(p, 'account'));
      if (!bad) return pass('每个事件都以它的账户为键。', 'Every event was keyed by its account.');
      const account = bodyField(bad, 'account') ?? '?';
      const partitions = [
        ...new Set(sent.filter((p) => bodyField(p, 'account') === account).map((p) => p.partition)),
      ].filter((p) => p !== undefined);
      const spread =
        partitions.length > 1
          ? L(
              `，${account} 的事件被分散到了分区 ${partitions.join('、')}`,
              `: ${account}'s events were spread over partitions ${partitions.join(', ')}`,
            )
          : L('', '');
      return fail(
        `${account} 的第 ${bodyField(bad, 'n')} 个事件发送时${bad.key === undefined ? '没有键' : `的键是 "${bad.key}"`}${spread.zh}。Kafka 只保证单个分区内的顺序。`,
        `Event ${bodyField(bad, 'n')} of ${account} was sent ${bad.key === undefined ? 'without a key' : `with key "${bad.key}"`}${spread.en}. Kafka keeps order only within a partition.`,
      );
    },
  },
  {
    id: 'per-account-order',
    title: L('每个账户按顺序记账', 'Each account is booked in order'),
    check(e) {
      const moved = rebalanceAt(e);
      for (const [account, list] of bookings(e)) {
        let last = 0;
        for (const booking of list) {
          const n = Number(bodyField(booking, 'n'));
          // The event in hand during a rebalance may be booked again right away: at-least-once.
          if (n === last || n === last + 1) {
            last = n;
            continue;
          }
          const after =
            moved !== undefined && booking.ts >= moved
              ? L(
                  `，在 ${at(e, moved).zh} 的再均衡之后`,
                  ` after the rebalance at ${at(e, moved).en}`,
                )
              : L('', '');
          const why =
            n < last
              ? L(
                  `它早已记过账：接手分区的消费者从更早的 offset 重读了${after.zh}`,
                  `it had been booked long before: whoever took over the partition re-read it from an older offset${after.en}`,
                )
              : L(`第 ${last + 1} 个还没有记账`, `event ${last + 1} had not been booked yet`);
          return fail(
            `${account}：${booking.script} 在 ${at(e, booking.ts).zh} 记账第 ${n} 个事件，而上一个记账的是第 ${last} 个——${why.zh}。账户余额因此算错了。`,
            `${account}: ${booking.script} booked event ${n} at ${at(e, booking.ts).en} right after event ${last} — ${why.en}. The balance is now wrong.`,
          );
        }
      }
      return pass(
        '每个账户的事件都按 1、2、3… 的顺序记账。',
        "Every account's events were booked in order 1, 2, 3…",
      );
    },
  },
  {
    id: 'every-event-booked',
    title: L('每个事件都记账了', 'Every event is booked'),
    check(e) {
      const booked = bookings(e);
      const missing = ACCOUNTS.flatMap((account) => {
        const seen = new Set((booked.get(account) ?? []).map((b) => Number(bodyField(b, 'n'))));
        return Array.from({ length: EVENTS_PER_ACCOUNT }, (_, i) => i + 1)
          .filter((n) => !seen.has(n))
          .map((n) => `${account} #${n}`);
      });
      if (missing.length === 0) return pass('40 个事件全部记账。', 'All 40 events were booked.');
      const list = listSome(missing);
      return fail(
        `没有记账的事件（${missing.length} 个）：${list.zh}。`,
        `Events never booked (${missing.length}): ${list.en}.`,
      );
    },
  },
]);
