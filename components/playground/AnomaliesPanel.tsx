'use client';

import { useTranslations } from 'next-intl';
import type { AnomalyEntry, FlowModel } from '@/components/flow/flowModel';
import { useModelRevision } from './useModelRevision';

const ICON: Record<AnomalyEntry['kind'], string> = {
  'out-of-order': '⇄',
  duplicate: '⧉',
  gap: '⋯',
};

/** Ordering anomalies with key, expected and actual sequence and cause; picking one lights its messages up in the graph. */
export default function AnomaliesPanel({
  model,
  selected,
  onPick,
}: {
  model: FlowModel | undefined;
  selected?: number;
  onPick: (a: AnomalyEntry | undefined) => void;
}) {
  const t = useTranslations('playground.anomalies');
  useModelRevision(model);
  const entries = model ? model.anomalies.toArray().reverse() : [];
  if (entries.length === 0) return <p className="p-4 text-sm text-slate-500">{t('empty')}</p>;
  return (
    <div className="p-3" data-testid="anomalies">
      {selected !== undefined && (
        <button
          type="button"
          onClick={() => onPick(undefined)}
          className="mb-2 text-xs underline underline-offset-2"
        >
          {t('clear')}
        </button>
      )}
      <ul className="space-y-1.5">
        {entries.map((a) => (
          <li key={a.n}>
            <button
              type="button"
              onClick={() => onPick(a)}
              aria-pressed={selected === a.n}
              className={`w-full rounded-lg border p-2 text-left text-sm ${selected === a.n ? 'border-brand-600 bg-brand-50 dark:bg-slate-800' : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900'}`}
              data-kind={a.kind}
            >
              <span className="font-semibold">
                <span aria-hidden="true">{ICON[a.kind]} </span>
                {t(`kinds.${a.kind}`)}
              </span>
              <span className="ml-2 font-mono text-xs">
                {t('key')}={a.key ?? '—'} · {t('expected', { n: a.expectedSeq })} ·{' '}
                {t('actual', { n: a.actualSeq })}
              </span>
              <span className="block text-xs text-slate-500">
                {a.consumer} ← {a.subscription}
                {a.cause ? ` · ${t('cause', { cause: a.cause })}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
