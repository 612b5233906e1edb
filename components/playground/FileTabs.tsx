'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { checkFileName, MAX_SCRIPTS, normalizeFileName, type FileNameProblem } from './fileNames';
import NewFileMenu, { type NewFileKind } from './NewFileMenu';
import type { PlaygroundFile } from './workspace';

interface Props {
  files: PlaygroundFile[];
  selected: string;
  errors: Record<string, number>;
  /** Distinguishes the two tab strips when side by side. */
  label: string;
  /** Narrow (side by side): actions as symbols, their names in tooltips and for screen readers. */
  compact: boolean;
  onSelect: (name: string) => void;
  /** Adds a file and returns its name, so it can be renamed right away. */
  onAdd: (kind: NewFileKind) => string | undefined;
  onRename: (from: string, to: string) => void;
  onRemove: (name: string) => void;
}

const PencilIcon = () => (
  <svg
    viewBox="0 0 24 24"
    className="size-3.5"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden="true"
  >
    <path d="M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4" />
  </svg>
);
const TrashIcon = () => (
  <svg
    viewBox="0 0 24 24"
    className="size-3.5"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden="true"
  >
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </svg>
);
const ACTION =
  'rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800';

/** The file tabs of one editor: a tablist (arrows, Home/End, F2 rename, Delete) plus add/rename/delete. */
export default function FileTabs({
  files,
  selected,
  errors,
  label,
  compact,
  onSelect,
  onAdd,
  onRename,
  onRemove,
}: Props) {
  const t = useTranslations('playground.files');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<FileNameProblem | 'lastFile' | null>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  // The input also blurs when it unmounts after Enter or Escape: only the first outcome counts.
  const open = useRef<string | null>(null);
  const problemId = useId();
  // A tab added or picked from the end of a long strip stays in view.
  useEffect(() => {
    tabRefs.current.get(selected)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  const startRename = (name: string) => {
    open.current = name;
    setRenaming(name);
    setDraft(name);
    setProblem(null);
  };
  const endRename = (focus: string) => {
    open.current = null;
    setRenaming(null);
    setProblem(null);
    requestAnimationFrame(() => tabRefs.current.get(focus)?.focus());
  };
  const commitRename = () => {
    const from = open.current;
    if (from === null) return;
    const to = normalizeFileName(draft);
    const why = to === from ? undefined : checkFileName(to, files, from);
    if (why) return setProblem(why);
    if (to !== from) onRename(from, to);
    endRename(to);
  };
  const remove = (name: string) => {
    if (files.length <= 1) return setProblem('lastFile');
    onRemove(name);
  };
  const add = (kind: NewFileKind) => {
    if (files.length >= MAX_SCRIPTS) return setProblem('tooMany');
    const name = onAdd(kind);
    if (name) startRename(name);
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const go = (i: number) => {
      const next = files[(i + files.length) % files.length]!.name;
      onSelect(next);
      tabRefs.current.get(next)?.focus();
    };
    if (e.key === 'ArrowRight') go(index + 1);
    else if (e.key === 'ArrowLeft') go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(files.length - 1);
    else if (e.key === 'F2') startRename(files[index]!.name);
    else if (e.key === 'Delete') remove(files[index]!.name);
    else return;
    e.preventDefault();
  };

  return (
    <div className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center gap-1 px-1">
        <div
          role="tablist"
          aria-label={label}
          className="flex min-w-0 flex-1 items-stretch overflow-x-auto"
        >
          {files.map((f, i) => {
            const isSelected = f.name === selected;
            const errorCount = errors[f.name] ?? 0;
            if (f.name === renaming) {
              return (
                <input
                  key={f.name}
                  autoFocus
                  aria-label={t('newName')}
                  aria-invalid={problem !== null}
                  aria-describedby={problem ? problemId : undefined}
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  onFocus={(e) =>
                    e.target.setSelectionRange(0, e.target.value.replace(/\.ts$/, '').length)
                  }
                  onBlur={commitRename}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') commitRename();
                    if (e.key === 'Escape') endRename(f.name);
                  }}
                  className="my-1 w-40 rounded border border-brand-500 bg-white px-2 py-1 font-mono text-[13px] dark:bg-slate-950"
                  data-testid="rename-input"
                />
              );
            }
            return (
              <button
                key={f.name}
                ref={(el) => {
                  if (el) tabRefs.current.set(f.name, el);
                  else tabRefs.current.delete(f.name);
                }}
                type="button"
                role="tab"
                aria-selected={isSelected}
                tabIndex={isSelected ? 0 : -1}
                onClick={() => onSelect(f.name)}
                onDoubleClick={() => startRename(f.name)}
                onKeyDown={(e) => onTabKey(e, i)}
                data-file={f.name}
                className={`flex items-center gap-1.5 whitespace-nowrap border-b-2 px-3 py-2 font-mono text-[13px] ${
                  isSelected
                    ? 'border-brand-600 text-slate-900 dark:border-brand-500 dark:text-white'
                    : 'border-transparent text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'
                }`}
              >
                {f.name}
                {errorCount > 0 && (
                  <span className="rounded bg-red-100 px-1 font-sans text-[11px] font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
                    <span aria-hidden="true">✕ {errorCount}</span>
                    <span className="sr-only">{t('errors', { count: errorCount })}</span>
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <div className="flex shrink-0 items-center gap-0.5">
          <NewFileMenu onPick={add} compact={compact} />
          <button
            type="button"
            onClick={() => startRename(selected)}
            className={ACTION}
            title={t('renameFile', { name: selected })}
          >
            {compact ? <PencilIcon /> : <span aria-hidden="true">{t('rename')}</span>}
            <span className="sr-only">{t('renameFile', { name: selected })}</span>
          </button>
          <button
            type="button"
            onClick={() => remove(selected)}
            className={ACTION}
            title={t('deleteFile', { name: selected })}
          >
            {compact ? <TrashIcon /> : <span aria-hidden="true">{t('delete')}</span>}
            <span className="sr-only">{t('deleteFile', { name: selected })}</span>
          </button>
        </div>
      </div>
      {problem && (
        <p id={problemId} role="alert" className="px-3 pb-2 text-xs text-red-700 dark:text-red-300">
          {problem === 'duplicateName'
            ? t('duplicateName', { name: normalizeFileName(draft) })
            : problem === 'tooMany'
              ? t('tooMany', { max: MAX_SCRIPTS })
              : t(problem)}
        </p>
      )}
    </div>
  );
}
