'use client';

import { useId, useState, type KeyboardEvent } from 'react';

interface Props {
  files: { name: string; html: string }[];
  initial: string;
  label: string;
}

/** Accessible tabs over pre-highlighted files (arrow keys move between tabs). */
export default function ExampleTabs({ files, initial, label }: Props) {
  const [active, setActive] = useState(
    Math.max(
      0,
      files.findIndex((f) => f.name === initial),
    ),
  );
  const id = useId();
  function onKey(e: KeyboardEvent) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = (active + step + files.length) % files.length;
    setActive(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  }
  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        className="flex gap-1 overflow-x-auto border-b border-slate-200 px-2 dark:border-slate-800"
        onKeyDown={onKey}
      >
        {files.map((f, i) => (
          <button
            key={f.name}
            id={`${id}-tab-${i}`}
            role="tab"
            type="button"
            aria-selected={i === active}
            aria-controls={`${id}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            className={`border-b-2 px-3 py-2 font-mono text-xs ${
              i === active
                ? 'border-brand-600 text-slate-900 dark:text-white'
                : 'border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200'
            }`}
          >
            {f.name}
          </button>
        ))}
      </div>
      {files.map((f, i) => (
        <div
          key={f.name}
          id={`${id}-panel-${i}`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${i}`}
          hidden={i !== active}
          className="[&_.shiki]:rounded-none [&_.shiki]:border-0"
          dangerouslySetInnerHTML={{ __html: f.html }}
        />
      ))}
    </div>
  );
}
