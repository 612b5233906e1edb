'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { DeadLetterEntry, FlowModel } from '@/components/flow/flowModel';
import { BUTTON } from './buttonStyles';
import type { RunActionOutcome } from './runSession';
import { useModelRevision } from './useModelRevision';

interface Props {
  model: FlowModel | undefined;
  /** The run is live: replays can be sent. */
  live?: boolean;
  /** Without it (exercise grading runs) there is no replay button. */
  onReplay?: (entry: DeadLetterEntry) => Promise<RunActionOutcome>;
  onInspect: (msgId: string) => void;
}

type ReplayState = 'sending' | 'sent';

/** Every dead letter of the run, newest first: payload, reason, attempts, where it came from, and replay. */
export default function DeadLetterPanel({ model, live = false, onReplay, onInspect }: Props) {
  const t = useTranslations('playground.deadLetters');
  useModelRevision(model);
  // Per entry (event n): a replay on its way, or done. A new run has new entries.
  const [replays, setReplays] = useState<ReadonlyMap<number, ReplayState>>(new Map());
  const entries = model ? model.deadLetters.toArray().reverse() : [];
  const total = model?.deadLetters.total ?? 0;
  if (entries.length === 0) return <p className="p-4 text-sm text-slate-500">{t('empty')}</p>;
  const replay = (entry: DeadLetterEntry) => {
    const mark = (state?: ReplayState) =>
      setReplays((prev) => {
        const next = new Map(prev);
        if (state) next.set(entry.n, state);
        else next.delete(entry.n);
        return next;
      });
    mark('sending');
    void onReplay!(entry).then((outcome) => mark(outcome.ok ? 'sent' : undefined));
  };
  return (
    <div className="p-3" data-testid="dead-letters">
      {total > entries.length && (
        <p className="mb-2 text-xs text-slate-500">{t('more', { shown: entries.length, total })}</p>
      )}
      {onReplay && !live && <p className="mb-2 text-xs text-slate-500">{t('replayIdle')}</p>}
      <ul className="space-y-2">
        {entries.map((e) => (
          <li
            key={`${e.n}`}
            className="rounded-lg border border-red-200 bg-red-50/50 p-3 text-sm dark:border-red-900 dark:bg-red-950/30"
            data-msg={e.msgId}
            data-reason={e.reason}
          >
            <div className="flex items-center gap-2">
              <span aria-hidden="true">☠</span>
              <button
                type="button"
                onClick={() => onInspect(e.msgId)}
                className="font-mono text-xs underline underline-offset-2"
              >
                {e.msgId}
              </button>
              <span className="ml-auto rounded bg-red-100 px-1.5 text-xs font-semibold text-red-800 dark:bg-red-900 dark:text-red-100">
                {e.reason}
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-300">
              <dt>{t('from')}</dt>
              <dd className="font-mono">{e.originalDestination}</dd>
              {e.attempts !== undefined && (
                <>
                  <dt>{t('attempts')}</dt>
                  <dd>{e.attempts}</dd>
                </>
              )}
            </dl>
            <pre className="mt-2 max-h-24 overflow-auto rounded bg-white p-2 font-mono text-[11px] dark:bg-slate-900">
              {e.payload}
            </pre>
            {onReplay && (
              <div className="mt-2 flex items-center gap-2">
                <button
                  type="button"
                  onClick={() => replay(e)}
                  disabled={!live || replays.get(e.n) === 'sending'}
                  aria-busy={replays.get(e.n) === 'sending'}
                  className={BUTTON}
                  data-testid="replay"
                >
                  ↻ {replays.get(e.n) === 'sending' ? t('replaying') : t('replay')}
                </button>
                {replays.get(e.n) === 'sent' && (
                  <button
                    type="button"
                    role="status"
                    onClick={() => onInspect(e.msgId)}
                    className="text-xs text-green-800 underline underline-offset-2 dark:text-green-300"
                    data-testid="replayed"
                  >
                    ✓ {t('replayed')}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
