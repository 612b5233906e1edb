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
  unsettled,
} from '../../server/exercises/checkKit';
import type { Evidence } from '../../server/exercises/checkKit';

const SUBSCRIPTION = 'thumbnails/resizers';

function jobs(e: Evidence): string[] {
  return fieldValues(eventsOf(e, 'produce', { script: 'uploads.ts' }), 'jobId');
}

function done(e: Evidence) {
  return fromLearner(e, eventsOf(e, 'produce', { destination: 'thumbnails.done' }));
}

export const checks = defineChecks([
  {
    id: 'every-job-done',
    title: L('每张图片都生成了缩略图', 'Every photo gets its thumbnail'),
    check(e) {
      const finished = new Set(fieldValues(done(e), 'jobId'));
      const missing = jobs(e).filter((id) => !finished.has(id));
      if (missing.length === 0)
        return pass(`${jobs(e).length} 个任务全部完成。`, `All ${jobs(e).length} jobs were done.`);
      const first = missing[0]!;
      const delivered = eventsOf(e, 'deliver', { subscription: SUBSCRIPTION }).find(
        (d) => bodyField(d, 'jobId') === first,
      );
      const story = delivered
        ? L(
            `${first} 在 ${at(e, delivered.ts).zh} 读给了 ${delivered.script}，崩溃后再也没有被读到：它还挂在组的待确认列表（PEL）里。`,
            `${first} was read by ${delivered.script} at ${at(e, delivered.ts).en} and never again after the crash: it is still sitting in the group's pending entries list.`,
          )
        : L(`${first} 从未被读取。`, `${first} was never read.`);
      const list = listSome(missing);
      return fail(
        `没有完成的任务（${missing.length} 个）：${list.zh}。${story.zh}`,
        `Jobs never done (${missing.length}): ${list.en}. ${story.en}`,
      );
    },
  },
  {
    id: 'acked-after-work',
    title: L('处理完成后才 XACK', 'XACK only after the work is done'),
    check(e) {
      const jobOf = new Map(
        eventsOf(e, 'deliver', { subscription: SUBSCRIPTION }).map((d) => [
          d.msgId,
          bodyField(d, 'jobId'),
        ]),
      );
      const doneAt = new Map<string, number>();
      for (const p of done(e)) {
        const id = bodyField(p, 'jobId');
        if (id && !doneAt.has(id)) doneAt.set(id, p.n);
      }
      for (const ack of fromLearner(e, eventsOf(e, 'ack', { subscription: SUBSCRIPTION }))) {
        const job = jobOf.get(ack.msgId);
        if (!job) continue;
        const finished = doneAt.get(job);
        if (finished === undefined || finished > ack.n) {
          return fail(
            `${job} 在 ${at(e, ack.ts).zh} 被 XACK，那时缩略图还没做好：一旦此刻崩溃，这个任务就从待确认列表中消失了，再也不会被重做。`,
            `${job} was XACKed at ${at(e, ack.ts).en}, before its thumbnail was made: crash right then and the job has left the pending list for good.`,
          );
        }
      }
      return pass(
        '每次 XACK 都在对应缩略图完成之后。',
        'Every XACK came after its thumbnail was made.',
      );
    },
  },
  {
    id: 'nothing-left-pending',
    title: L('结束时没有遗留的待确认消息', 'Nothing is left pending at the end'),
    check(e) {
      const open = unsettled(e, SUBSCRIPTION);
      if (open.length === 0)
        return pass('组的待确认列表最终为空。', "The group's pending list ended empty.");
      const owners = [...new Set(open.map((d) => d.script))].join(', ');
      const list = listSome(open.map((d) => bodyField(d, 'jobId') ?? d.msgId));
      return fail(
        `运行结束时仍有 ${open.length} 条消息待确认（${list.zh}，曾读给 ${owners}）：它们还在组的待确认列表里。重启后，消费者要用同一个名字先读自己的待确认消息（ID 0），否则没人会再拿到它们。`,
        `${open.length} entries were still pending at the end (${list.en}, read earlier by ${owners}): they are still in the group's pending list. After a restart a consumer must first read its own pending entries (ID 0) under the same name, or nobody ever gets them back.`,
      );
    },
  },
]);
