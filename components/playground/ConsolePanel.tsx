'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ConsoleLine, FlowModel } from '@/components/flow/flowModel';

const KIND_CLASS: Record<ConsoleLine['kind'], string> = {
  stdout: 'text-slate-700 dark:text-slate-200',
  stderr: 'text-amber-800 dark:text-amber-300',
  error: 'text-red-700 dark:text-red-300',
  exit: 'italic text-slate-500',
};

/** Output per script (or all, in order); an error with a line number jumps to it in the editor. */
export default function ConsolePanel({
  model,
  onReveal,
}: {
  model: FlowModel | undefined;
  onReveal: (file: string, line: number, column?: number) => void;
}) {
  const t = useTranslations('playground.console');
  const [script, setScript] = useState<string | null>(null);
  const scripts = model ? [...model.consoles.keys()].filter((s) => !s.startsWith('@')).sort() : [];
  const lines = !model
    ? []
    : script
      ? (model.consoles.get(script)?.toArray() ?? [])
      : [...model.consoles.values()].flatMap((b) => b.toArray()).sort((a, b) => a.n - b.n);
  const shown = lines.slice(-300);
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="console">
      <div
        role="tablist"
        className="flex gap-1 overflow-x-auto border-b border-slate-200 px-2 text-xs dark:border-slate-800"
      >
        {[null, ...scripts].map((s) => (
          <button
            key={s ?? '*'}
            type="button"
            role="tab"
            aria-selected={script === s}
            onClick={() => setScript(s)}
            className={`whitespace-nowrap border-b-2 px-2 py-1 font-mono ${script === s ? 'border-brand-600 text-slate-900 dark:text-white' : 'border-transparent text-slate-500'}`}
          >
            {s ?? t('all')}
          </button>
        ))}
      </div>
      <ol
        className="min-h-0 flex-1 overflow-auto px-3 py-1 font-mono text-[12px] leading-5"
        aria-live="polite"
      >
        {shown.length === 0 && <li className="text-slate-500">{t('empty')}</li>}
        {shown.map((l) => (
          <li key={l.n} className={`whitespace-pre-wrap break-words ${KIND_CLASS[l.kind]}`}>
            {!script && <span className="mr-2 text-slate-400">{l.script}</span>}
            {l.kind === 'error' && <span aria-hidden="true">✕ </span>}
            {l.text}
            {l.kind === 'error' && l.line !== undefined && (
              <button
                type="button"
                onClick={() => onReveal(l.script, l.line!, l.column)}
                className="ml-2 underline underline-offset-2"
                aria-label={t('goToLine', { file: l.script, line: l.line })}
              >
                {t('line', { line: l.line })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
