'use client';

import { useTranslations } from 'next-intl';
import { BROKER_LABELS } from '@/server/protocol/brokerNames';
import type { BrokerStatus } from '@/server/protocol/brokers';

/** Each broker with a text state (not colour alone), its endpoint, and how to start it if down. */
export default function BrokerStatusList({ statuses }: { statuses: BrokerStatus[] }) {
  const t = useTranslations('brokers');
  return (
    <ul className="space-y-2">
      {statuses.map((s) => (
        <li key={s.broker} data-broker={s.broker} data-up={s.up} className="text-sm">
          <div className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={`inline-flex size-4 items-center justify-center rounded-full text-[10px] font-bold text-white ${
                s.up ? 'bg-emerald-600' : 'bg-rose-600'
              }`}
            >
              {s.up ? '✓' : '✕'}
            </span>
            <span className="font-medium">{BROKER_LABELS[s.broker]}</span>
            <span
              className={
                s.up ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'
              }
            >
              {s.up ? t('up') : t('down')}
            </span>
            <span className="ml-auto font-mono text-xs text-slate-500">
              {s.endpoint}
              {s.version ? ` · ${s.version}` : ''}
            </span>
          </div>
          {!s.up && (
            <div className="mt-1 pl-6">
              <p className="text-xs text-slate-500">{s.detail}</p>
              <p className="mt-1 text-xs">
                {t('startWith')}:{' '}
                <code className="rounded bg-slate-100 px-1 py-0.5 font-mono dark:bg-slate-800">
                  {s.startCommand}
                </code>
              </p>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
