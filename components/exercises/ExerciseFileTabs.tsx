'use client';

import { useRef, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { ScriptFile } from '@/server/protocol/run';

interface Props {
  files: readonly ScriptFile[];
  selected: string;
  /** Type errors per file, from the editor. */
  errors: Readonly<Record<string, number>>;
  onSelect: (name: string) => void;
}

/** The exercise's files as tabs (arrows, Home/End). The set is fixed: no adding or renaming. */
export default function ExerciseFileTabs({ files, selected, errors, onSelect }: Props) {
  const t = useTranslations('exercises.toolbar');
  const tp = useTranslations('playground.files');
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const go = (i: number) => {
      const next = files[(i + files.length) % files.length]!.name;
      onSelect(next);
      refs.current.get(next)?.focus();
    };
    if (e.key === 'ArrowRight') go(index + 1);
    else if (e.key === 'ArrowLeft') go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(files.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div
      role="tablist"
      aria-label={t('files')}
      className="flex min-w-0 items-stretch overflow-x-auto"
    >
      {files.map((f, i) => {
        const isSelected = f.name === selected;
        const count = errors[f.name] ?? 0;
        return (
          <button
            key={f.name}
            ref={(el) => {
              if (el) refs.current.set(f.name, el);
              else refs.current.delete(f.name);
            }}
            type="button"
            role="tab"
            id={`file-tab-${f.name}`}
            aria-selected={isSelected}
            aria-controls="exercise-editor"
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(f.name)}
            onKeyDown={(e) => onKey(e, i)}
            data-file={f.name}
            className={`flex items-center gap-1.5 whitespace-nowrap border-b-2 px-3 py-2 font-mono text-[13px] ${
              isSelected
                ? 'border-brand-600 text-slate-900 dark:border-brand-500 dark:text-white'
                : 'border-transparent text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'
            }`}
          >
            {f.name}
            {count > 0 && (
              <span className="rounded bg-red-100 px-1 font-sans text-[11px] font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
                <span aria-hidden="true">✕ {count}</span>
                <span className="sr-only">{tp('errors', { count })}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
