import {
  L,
  at,
  bodyField,
  defineChecks,
  eventsOf,
  fail,
  groupBy,
  listSome,
  pass,
  unsettled,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

/** worker-a took these in one MULTI before anyone else could, and was killed holding them. */
const ABANDONED = ['v-1', 'v-2', 'v-3', 'v-4'];
const ALL = Array.from({ length: 12 }, (_, i) => `v-${i + 1}`);
const SUBSCRIPTION = 'videos/transcoders';

/** Every "video done" record, by anyone (worker-c's included), grouped by video. */
function doneByVideo(e: Evidence) {
  return groupBy(eventsOf(e, 'produce', { destination: 'videos.done' }), (p) =>
    bodyField(p, 'videoId'),
  );
}

export const checks = defineChecks([
  {
    id: 'crashed-work-recovered',
    title: L('崩溃消费者的消息被接管', "The crashed consumer's entries are taken over"),
    check(e) {
      const done = doneByVideo(e);
      const learnerDid = (id: string) =>
        (done.get(id) ?? []).some((p) => e.learnerScripts.includes(p.script));
      const stuck = ABANDONED.filter((id) => !learnerDid(id));
      if (stuck.length === 0)
        return pass(
          'worker-a 留下的 4 个视频都被接管并完成。',
          'All four videos worker-a left behind were taken over and done.',
        );
      const kill = eventsOf(e, 'fault', { target: 'worker-a.ts' })[0];
      const when = kill ? at(e, kill.ts) : L('开始时', 'the start');
      const list = listSome(stuck);
      return fail(
        `worker-a 在 ${when.zh} 崩溃时手里的 ${list.zh} 一直没人处理：它们留在 worker-a 的待确认列表里，'>' 永远读不到，只有认领（XAUTOCLAIM / XCLAIM）才能拿回来。`,
        `${list.en}, held by worker-a when it crashed at ${when.en}, were never done: they stay in worker-a's pending list, '>' never returns them, and only a claim (XAUTOCLAIM / XCLAIM) gets them back.`,
      );
    },
  },
  {
    id: 'claims-only-idle',
    title: L('只认领真正被遗弃的消息', 'Claims only entries that were abandoned'),
    check(e) {
      for (const [video, records] of doneByVideo(e)) {
        if (records.length < 2) continue;
        const [first, second] = records;
        return fail(
          `${video} 被处理了 ${records.length} 次：${first!.script} 在 ${at(e, first!.ts).zh}，${second!.script} 在 ${at(e, second!.ts).zh}。它的主人只是慢（worker-c 每个视频要 900 毫秒），并没有崩溃：最小空闲时间太短的认领会抢走正在处理的消息。`,
          `${video} was done ${records.length} times: by ${first!.script} at ${at(e, first!.ts).en} and by ${second!.script} at ${at(e, second!.ts).en}. Its owner was only slow (worker-c needs 900 ms a video), not dead: a claim with too small a minimum idle time steals work in progress.`,
        );
      }
      return pass('没有视频被处理两次。', 'No video was done twice.');
    },
  },
  {
    id: 'every-video-done',
    title: L('每个视频都完成了', 'Every video is done'),
    check(e) {
      const done = doneByVideo(e);
      const missing = ALL.filter((id) => !done.has(id));
      if (missing.length === 0) return pass('12 个视频全部完成。', 'All 12 videos were done.');
      const list = listSome(missing);
      return fail(
        `没有完成的视频（${missing.length} 个）：${list.zh}。`,
        `Videos never done (${missing.length}): ${list.en}.`,
      );
    },
  },
  {
    id: 'nothing-left-pending',
    title: L('结束时没有遗留的待确认消息', 'Nothing is left pending at the end'),
    check(e) {
      // Pending at the end: handed out (read or claimed) and never acknowledged by anyone.
      const acked = new Set(eventsOf(e, 'ack', { subscription: SUBSCRIPTION }).map((a) => a.msgId));
      const handedOut = [
        ...unsettled(e, SUBSCRIPTION),
        ...eventsOf(e, 'claim', { subscription: SUBSCRIPTION }),
      ];
      const byId = new Map(
        handedOut
          .filter((h) => !acked.has(h.msgId))
          .map((h) => [h.msgId, bodyField(h as { payload?: string }, 'videoId') ?? h.msgId]),
      );
      if (byId.size === 0)
        return pass('组的待确认列表最终为空。', "The group's pending list ended empty.");
      const list = listSome([...byId.values()]);
      return fail(
        `运行结束时仍有 ${byId.size} 条消息待确认（${list.zh}）：认领到的消息归你所有，处理完同样要 XACK，否则下一轮又会被认领。`,
        `${byId.size} entries were still pending at the end (${list.en}): a claimed entry is yours, and it needs an XACK once done like any other, or it gets claimed again and again.`,
      );
    },
  },
]);
