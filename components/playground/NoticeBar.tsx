'use client';

import { useTranslations } from 'next-intl';

export interface NoticeAction {
  label: string;
  onClick: () => void;
}

/** One line of news about the workspace (draft restored, reset…), with an optional action. */
export default function NoticeBar({
  text,
  action,
  tone = 'info',
  onDismiss,
}: {
  text: string;
  action?: NoticeAction;
  tone?: 'info' | 'warn';
  onDismiss: () => void;
}) {
  const t = useTranslations('playground.notice');
  const colours =
    tone === 'warn'
      ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'
      : 'border-brand-100 bg-brand-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
  return (
    <div
      role="status"
      className={`flex items-center gap-3 border-b px-4 py-1.5 text-sm ${colours}`}
      data-testid="notice"
    >
      <span aria-hidden="true">{tone === 'warn' ? '⚠' : 'ℹ'}</span>
      <span className="min-w-0 flex-1">{text}</span>
      {action && (
        <button
          type="button"
          onClick={action.onClick}
          className="rounded px-2 py-0.5 font-medium underline underline-offset-2 hover:bg-black/5 dark:hover:bg-white/10"
        >
          {action.label}
        </button>
      )}
      <button
        type="button"
        onClick={onDismiss}
        aria-label={t('dismiss')}
        className="rounded px-1.5 hover:bg-black/5 dark:hover:bg-white/10"
      >
        ×
      </button>
    </div>
  );
}
