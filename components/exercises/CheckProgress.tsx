'use client';

import { useTranslations } from 'next-intl';
import { BROKER_LABELS, type Broker } from '@/server/protocol/brokerNames';
import type { CheckSnapshot } from './checkSession';
import { useTicker } from './useTicker';

/**
 * Where the check is, in words and as a bar: sending, in line, preparing, the grading run
 * with its seconds against the limit, then judging. Never a silent spinner.
 */
export default function CheckProgress({
  snapshot,
  broker,
}: {
  snapshot: CheckSnapshot;
  broker: Broker;
}) {
  const t = useTranslations('exercises.progress');
  const { phase, startedAt, seconds = 0 } = snapshot;
  const now = useTicker(phase === 'grading');
  if (phase === 'idle') return null;
  const elapsed = startedAt ? Math.min(seconds, Math.max(0, (now - startedAt) / 1000)) : 0;
  const share =
    phase === 'grading'
      ? Math.max(0.03, elapsed / Math.max(1, seconds))
      : phase === 'judging'
        ? 1
        : 0;
  const text =
    phase === 'queued'
      ? t('queued', { position: snapshot.position ?? 1 })
      : phase === 'grading'
        ? t('grading', {
            broker: BROKER_LABELS[broker],
            elapsed: Math.floor(elapsed),
            seconds,
          })
        : t(phase);
  return (
    <div
      className="border-b border-slate-200 bg-brand-50 px-3 py-1.5 text-sm text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
      data-testid="check-progress"
      data-phase={phase}
    >
      {/* Announced once per phase; the ticking seconds are for the eyes only. */}
      <p role="status" className="sr-only">
        {phase === 'grading' ? t('running', { broker: BROKER_LABELS[broker] }) : text}
      </p>
      <p aria-hidden="true" className="flex items-center gap-2">
        <span
          aria-hidden="true"
          className="inline-block size-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
        />
        {text}
      </p>
      <div
        className="mt-1 h-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
        aria-hidden="true"
      >
        <div
          className={`h-full bg-brand-600 transition-[width] duration-300 ${phase === 'judging' ? 'animate-pulse' : ''}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </div>
  );
}
