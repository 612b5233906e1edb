'use client';

import type { ReactNode } from 'react';

/**
 * Panels are plain objects (TypeScript playground style): an id, a title and what to render.
 * The playground's run panels and the exercise page's check output both use this strip.
 */
export interface PlaygroundPanel {
  id: string;
  title: string;
  /** A count or mark shown on the tab (dead letters, anomalies, a verdict). */
  badge?: ReactNode;
  content: ReactNode;
}

/** Tabs (arrow keys move between them) over the selected panel's content, in an aside. */
export default function SidePanel({
  label,
  panels,
  selected,
  onSelect,
  className,
  idPrefix = 'panel',
  testId,
  dense = false,
}: {
  label: string;
  panels: PlaygroundPanel[];
  selected: string;
  onSelect: (id: string) => void;
  /** Width and borders: the live graph needs room, other panels a column. */
  className: string;
  /** Prefix of the tab and panel element ids (unique per page). */
  idPrefix?: string;
  testId?: string;
  /** Smaller tabs, for a narrow column with many of them. */
  dense?: boolean;
}) {
  const current = panels.find((p) => p.id === selected) ?? panels[0]!;
  const tabId = (id: string) => `${idPrefix}-tab-${id}`;
  return (
    <aside
      aria-label={label}
      className={`flex min-h-0 flex-col border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950 ${className}`}
      data-testid={testId}
    >
      <div
        role="tablist"
        aria-label={label}
        className="flex shrink-0 overflow-x-auto border-b border-slate-200 px-2 dark:border-slate-800"
      >
        {panels.map((p, i) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={tabId(p.id)}
            aria-selected={p.id === current.id}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={p.id === current.id ? 0 : -1}
            onClick={() => onSelect(p.id)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = panels[(i + step + panels.length) % panels.length]!;
              onSelect(next.id);
              document.getElementById(tabId(next.id))?.focus();
            }}
            className={`whitespace-nowrap border-b-2 py-2 ${dense ? 'px-1.5 text-[13px]' : 'px-2 text-sm'} ${p.id === current.id ? 'border-brand-600 font-medium text-slate-900 dark:border-brand-500 dark:text-white' : 'border-transparent text-slate-500 hover:text-slate-900 dark:hover:text-white'}`}
          >
            {p.title}
            {p.badge !== undefined && p.badge !== 0 && p.badge !== '' ? (
              <span className="ml-1 rounded-full bg-slate-200 px-1.5 text-xs dark:bg-slate-700">
                {p.badge}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${idPrefix}-panel`}
        aria-labelledby={tabId(current.id)}
        className="min-h-0 flex-1 overflow-auto"
      >
        {current.content}
      </div>
    </aside>
  );
}
