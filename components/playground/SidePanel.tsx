'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * Panels are plain objects (TypeScript playground style): an id, a title key and what to render.
 */
export interface PlaygroundPanel {
  id: string;
  /** Key under `playground.panel`. */
  title: 'about' | 'liveView' | 'deadLetters' | 'anomalies' | 'metrics' | 'inspector';
  /** A count shown on the tab (dead letters, anomalies). */
  badge?: number;
  content: ReactNode;
}

const WIDTHS = { column: 'lg:w-[400px] xl:w-[480px]', half: 'lg:w-1/2', full: 'lg:flex-1' };

export default function SidePanel({
  panels,
  selected,
  onSelect,
  width,
}: {
  panels: PlaygroundPanel[];
  selected: string;
  onSelect: (id: string) => void;
  /** The live graph needs room: half the page, or all of it when expanded; other panels a column. */
  width: 'column' | 'half' | 'full';
}) {
  const t = useTranslations('playground.panel');
  const current = panels.find((p) => p.id === selected) ?? panels[0]!;
  return (
    <aside
      aria-label={t('label')}
      className={`flex min-h-0 flex-col border-slate-200 bg-white max-lg:min-h-[32rem] max-lg:border-t lg:border-l dark:border-slate-800 dark:bg-slate-950 ${WIDTHS[width]}`}
    >
      <div
        role="tablist"
        aria-label={t('label')}
        className="flex overflow-x-auto border-b border-slate-200 px-2 dark:border-slate-800"
      >
        {panels.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`panel-tab-${p.id}`}
            aria-selected={p.id === current.id}
            aria-controls={`panel-${p.id}`}
            tabIndex={p.id === current.id ? 0 : -1}
            onClick={() => onSelect(p.id)}
            onKeyDown={(e) => {
              const i = panels.indexOf(p);
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = panels[(i + step + panels.length) % panels.length]!;
              onSelect(next.id);
              document.getElementById(`panel-tab-${next.id}`)?.focus();
            }}
            className={`whitespace-nowrap border-b-2 px-2 py-2 text-sm ${p.id === current.id ? 'border-brand-600 font-medium text-slate-900 dark:border-brand-500 dark:text-white' : 'border-transparent text-slate-500 hover:text-slate-900 dark:hover:text-white'}`}
          >
            {t(p.title)}
            {p.badge ? (
              <span className="ml-1 rounded-full bg-slate-200 px-1.5 text-xs dark:bg-slate-700">
                {p.badge}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${current.id}`}
        aria-labelledby={`panel-tab-${current.id}`}
        className="min-h-0 flex-1 overflow-auto"
      >
        {current.content}
      </div>
    </aside>
  );
}
