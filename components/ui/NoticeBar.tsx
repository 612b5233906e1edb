'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

const TONES = {
  info: {
    icon: 'ℹ',
    className:
      'border-brand-100 bg-brand-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
  },
  warn: {
    icon: '⚠',
    className:
      'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  },
};

export interface NoticeAction {
  label: string;
  onClick: () => void;
}

/**
 * One line of news above an editor (draft restored, server down, a refused run…), with an
 * optional action and a dismiss button. Used by the playground and the exercise workbench
 * (both pages carry the playground's strings).
 */
export default function NoticeBar({
  tone,
  kind,
  children,
  action,
  onDismiss,
  testId = 'notice',
}: {
  tone: keyof typeof TONES;
  /** For tests and styling hooks: which notice this is. */
  kind: string;
  children: ReactNode;
  action?: NoticeAction;
  onDismiss?: () => void;
  testId?: string;
}) {
  const t = useTranslations('playground.notice');
  return (
    <div
      role={tone === 'warn' ? 'alert' : 'status'}
      className={`flex items-start gap-3 border-b px-3 py-1.5 text-sm ${TONES[tone].className}`}
      data-testid={testId}
      data-kind={kind}
    >
      <span aria-hidden="true">{TONES[tone].icon}</span>
      <div className="min-w-0 flex-1 break-words">{children}</div>
      {action && (
        <button
          type="button"
          onClick={action.onClick}
          className="shrink-0 rounded px-2 py-0.5 font-medium underline underline-offset-2 hover:bg-black/5 dark:hover:bg-white/10"
        >
          {action.label}
        </button>
      )}
      {onDismiss && (
        <button
          type="button"
          onClick={onDismiss}
          aria-label={t('dismiss')}
          className="shrink-0 rounded px-1.5 hover:bg-black/5 dark:hover:bg-white/10"
        >
          ×
        </button>
      )}
    </div>
  );
}
