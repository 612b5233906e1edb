import type { TraceEventOf } from '../protocol/trace';
import { L, fail, pass, type Evidence, type ExerciseCheck } from './checkTypes';
import { at, eventsOf } from './traceQueries';

/** Exit reasons that come from the exercise's own fault schedule, not from the learner. */
const FAULT_EXITS = new Set(['killed', 'restarted']);

/**
 * Every grading starts with this: each script ran to its own end. An endless loop, a
 * consumer that never stops, a crash or a limit is a failed check with the reason, not a
 * hung grader; the exercise's checks still run on whatever the trace holds.
 */
export const scriptsFinishCheck: ExerciseCheck = {
  id: 'scripts-finish',
  title: L('脚本正常结束', 'The scripts finish on their own'),
  check(evidence) {
    const problems = [...evidence.learnerScripts, ...evidence.harnessScripts].flatMap((script) =>
      scriptProblem(evidence, script),
    );
    if (problems.length === 0) {
      return pass(
        '每个脚本都在时限内自己结束，没有未捕获的错误。',
        'Every script ended by itself within the time limit, without an uncaught error.',
      );
    }
    return fail(problems.map((p) => p.zh).join('\n'), problems.map((p) => p.en).join('\n'));
  },
};

function scriptProblem(evidence: Evidence, script: string): { zh: string; en: string }[] {
  const harness = evidence.harnessScripts.includes(script);
  const who = harness
    ? { zh: `练习自带的 ${script}`, en: `the exercise's own ${script}` }
    : { zh: script, en: script };
  const blame = harness
    ? {
        zh: '（通常是你的脚本删除或以不同参数重新声明了它要用的队列/主题）',
        en: ' (usually because your scripts deleted or redeclared something it uses)',
      }
    : { zh: '', en: '' };
  const exits = eventsOf(evidence, 'exit', { script });
  const last = exits.at(-1);
  const fatal = eventsOf(evidence, 'error', { script }).find((e) => e.fatal);
  if (!last) {
    if (!evidence.end) return [];
    return [{ zh: `${who.zh} 没有留下退出记录。`, en: `${who.en} left no exit record.` }];
  }
  if (isStillRunningAtEnd(evidence, last)) {
    const limit = evidence.end?.message ?? '';
    return [
      {
        zh: `${who.zh} 到时限仍在运行，被强制停止（${limit}）：死循环，或消费者没有在空闲后退出？${blame.zh}`,
        en: `${who.en} was still running at the limit and was stopped (${limit}): an endless loop, or a consumer that never stops when idle?${blame.en}`,
      },
    ];
  }
  if (fatal && fatal.ts <= last.ts) {
    const where = fatal.line ? `:${fatal.line}${fatal.column ? `:${fatal.column}` : ''}` : '';
    return [
      {
        zh: `${who.zh} 在 ${at(evidence, fatal.ts).zh} 崩溃：${fatal.message}（${script}${where}）${blame.zh}`,
        en: `${who.en} crashed at ${at(evidence, fatal.ts).en}: ${fatal.message} (${script}${where})${blame.en}`,
      },
    ];
  }
  if (FAULT_EXITS.has(last.reason) || last.code === 0) return [];
  return [
    {
      zh: `${who.zh} 异常退出：${last.message}${blame.zh}`,
      en: `${who.en} did not end cleanly: ${last.message}${blame.en}`,
    },
  ];
}

/** The run ended for a limit (not because every script finished) and this script was cut off by it. */
function isStillRunningAtEnd(evidence: Evidence, exit: TraceEventOf<'exit'>): boolean {
  const end = evidence.end;
  if (!end || end.reason === 'completed') return false;
  return exit.reason === end.reason;
}
