'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { FlowModel } from '@/components/flow/flowModel';
import { useModelRevision } from './useModelRevision';

/** A message's whole life as a timeline, picked from the recent ones or found by id, key or payload. */
export default function InspectorPanel({
  model,
  selected,
  onSelect,
}: {
  model: FlowModel | undefined;
  selected?: string;
  onSelect: (msgId: string) => void;
}) {
  const t = useTranslations('playground.inspector');
  const [query, setQuery] = useState('');
  useModelRevision(model);
  if (!model) return <p className="p-4 text-sm text-slate-500">{t('empty')}</p>;
  const ids = [...model.messages.keys()].reverse();
  const q = query.trim().toLowerCase();
  const matches = (
    q
      ? ids.filter(
          (id) =>
            id.toLowerCase().includes(q) ||
            model.messages.get(id)!.some((s) => s.detail.toLowerCase().includes(q)),
        )
      : ids
  ).slice(0, 40);
  // Anomalies are detected a little after the delivery they concern: show steps in time order.
  const steps = selected
    ? [...(model.messages.get(selected) ?? [])].sort((a, b) => a.ts - b.ts || a.n - b.n)
    : undefined;
  const t0 = steps?.[0]?.ts ?? 0;
  return (
    <div className="grid gap-3 p-3" data-testid="inspector">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('search')}
        aria-label={t('search')}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      {steps && steps.length > 0 && (
        <section aria-label={t('steps', { id: selected! })}>
          <h3 className="mb-1 font-mono text-xs font-semibold">{t('steps', { id: selected! })}</h3>
          <ol
            className="relative space-y-1 border-l-2 border-slate-300 pl-3 text-xs dark:border-slate-600"
            data-testid="timeline"
          >
            {steps.map((s) => (
              <li key={s.n} data-type={s.type}>
                <span className="font-mono text-slate-500">+{s.ts - t0} ms</span>{' '}
                <span className="font-semibold">{s.type}</span>{' '}
                <span className="font-mono">{s.script}</span> — {s.detail}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-label={t('recent')}>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wider text-slate-500">
          {t('recent')}
        </h3>
        <ul className="flex flex-wrap gap-1">
          {matches.map((id) => (
            <li key={id}>
              <button
                type="button"
                onClick={() => onSelect(id)}
                aria-pressed={id === selected}
                className={`rounded border px-1.5 py-0.5 font-mono text-[11px] ${id === selected ? 'border-brand-600 bg-brand-50 dark:bg-slate-800' : 'border-slate-200 dark:border-slate-700'}`}
              >
                {id}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
