'use client';

import { useRef } from 'react';
import { useTranslations } from 'next-intl';

export type NewFileKind = 'producer' | 'consumer' | 'empty';
const KINDS: { kind: NewFileKind; label: 'addProducer' | 'addConsumer' | 'addEmpty' }[] = [
  { kind: 'producer', label: 'addProducer' },
  { kind: 'consumer', label: 'addConsumer' },
  { kind: 'empty', label: 'addEmpty' },
];

/** "+ New file": a disclosure (keyboard-native) with the three kinds of file. */
export default function NewFileMenu({
  onPick,
  compact,
}: {
  onPick: (kind: NewFileKind) => void;
  compact: boolean;
}) {
  const t = useTranslations('playground.files');
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={details}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && details.current?.open) {
          details.current.open = false;
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary
        title={t('add')}
        className="cursor-pointer list-none rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">+</span>
        <span className={compact ? 'sr-only' : 'ml-1'}>{t('add')}</span>
      </summary>
      <div className="absolute right-0 z-30 mt-1 flex w-44 flex-col rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {KINDS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            onClick={() => {
              if (details.current) details.current.open = false;
              onPick(kind);
            }}
            className="rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {t(label)}
          </button>
        ))}
      </div>
    </details>
  );
}
