'use client';

import { useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { BUTTON, PRIMARY_BUTTON } from '@/components/playground/buttonStyles';
import type { ScriptFile } from '@/server/protocol/run';
import ExerciseFileTabs from './ExerciseFileTabs';

interface Props {
  files: readonly ScriptFile[];
  selected: string;
  errors: Readonly<Record<string, number>>;
  onSelect: (name: string) => void;
  /** A check is going (this exercise's, or another one in this tab). */
  busy: boolean;
  onCheck: () => void;
  onReset: () => void;
}

const noSubscribe = () => () => {};

/** The file tabs, "reset to starter" and the Check button (Ctrl/⌘+Enter). */
export default function ExerciseToolbar(props: Props) {
  const { busy } = props;
  const t = useTranslations('exercises.toolbar');
  const mac = useSyncExternalStore(
    noSubscribe,
    () => /Mac|iPhone|iPad/.test(navigator.platform),
    () => false,
  );
  return (
    <div className="flex items-center gap-x-2 border-b border-slate-200 bg-slate-50 pr-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-0 flex-1">
        <ExerciseFileTabs
          files={props.files}
          selected={props.selected}
          errors={props.errors}
          onSelect={props.onSelect}
        />
      </div>
      <div className="flex shrink-0 items-center gap-2 py-1.5" aria-label={t('label')} role="group">
        <button
          type="button"
          onClick={props.onReset}
          className={BUTTON}
          title={t('reset')}
          data-testid="reset-button"
        >
          <span aria-hidden="true">↺</span>
          {/* Beside a narrow editor (the live view open) the symbol alone, named for screen readers. */}
          <span className="sr-only 2xl:not-sr-only">{t('reset')}</span>
        </button>
        <button
          type="button"
          onClick={props.onCheck}
          disabled={busy}
          aria-busy={busy}
          aria-keyshortcuts={mac ? 'Meta+Enter' : 'Control+Enter'}
          className={PRIMARY_BUTTON}
          data-testid="check-button"
        >
          {busy ? (
            <span
              aria-hidden="true"
              className="inline-block size-3 animate-spin rounded-full border-2 border-white border-t-transparent"
            />
          ) : (
            <span aria-hidden="true">✓</span>
          )}
          {busy ? t('checking') : t('check')}
          <kbd className="hidden font-sans text-xs font-normal opacity-75 2xl:inline">
            {mac ? '⌘↵' : 'Ctrl+↵'}
          </kbd>
        </button>
      </div>
    </div>
  );
}
