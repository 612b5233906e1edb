'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useBrokerStatus } from '@/components/realtime/useBrokerStatus';
import BrokerStatusList from './BrokerStatusList';

/** Header badge: a dot per broker, a summary, and a popover with details and start commands. */
export default function BrokerStatusBadge() {
  const t = useTranslations('brokers');
  const { connected, statuses } = useBrokerStatus();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (
        e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const upCount = statuses?.filter((s) => s.up).length ?? 0;
  const total = statuses?.length ?? 4;
  const summary = !statuses
    ? connected
      ? t('checking')
      : t('disconnected')
    : upCount === total
      ? t('allUp', { count: total })
      : t('someDown', { down: total - upCount, count: total });

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        data-testid="broker-status"
        data-up={statuses ? upCount : undefined}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span className="flex gap-0.5" aria-hidden="true">
          {(statuses ?? []).map((s) => (
            <span
              key={s.broker}
              className={`size-2 rounded-full ${s.up ? 'bg-emerald-500' : 'bg-rose-500'}`}
            />
          ))}
          {!statuses && <span className="size-2 animate-pulse rounded-full bg-slate-400" />}
        </span>
        <span className="hidden sm:inline">{summary}</span>
        <span className="sm:hidden">{statuses ? `${upCount}/${total}` : '…'}</span>
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={t('details')}
          className="absolute right-0 z-50 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="mb-2 text-sm font-semibold">{summary}</p>
          {statuses && <BrokerStatusList statuses={statuses} />}
        </div>
      )}
    </div>
  );
}
