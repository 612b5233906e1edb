'use client';

import { useTranslations } from 'next-intl';
import type { ScriptFile } from '@/server/protocol/run';
import NoticeBar from '@/components/ui/NoticeBar';
import type { FilesNotice } from './useExerciseFiles';

/** What happened to the files: a draft restored, a reset or the solution loaded (with undo). */
export default function FilesNoticeLine({
  notice,
  locale,
  onReset,
  onUndo,
  onDismiss,
}: {
  notice: FilesNotice;
  locale: string;
  onReset: () => void;
  onUndo: (files: ScriptFile[]) => void;
  onDismiss: () => void;
}) {
  const t = useTranslations('exercises');
  if (notice.kind === 'draftRestored') {
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
      notice.savedAt,
    );
    return (
      <NoticeBar
        testId="exercise-notice"
        tone="info"
        kind="draft-restored"
        action={{ label: t('toolbar.reset'), onClick: onReset }}
        onDismiss={onDismiss}
      >
        {t('toolbar.draftRestored', { time })}
      </NoticeBar>
    );
  }
  return (
    <NoticeBar
      testId="exercise-notice"
      tone="info"
      kind={notice.kind === 'reset' ? 'reset' : 'solution-loaded'}
      action={{ label: t('toolbar.undo'), onClick: () => onUndo(notice.undo) }}
      onDismiss={onDismiss}
    >
      {notice.kind === 'reset' ? t('toolbar.resetDone') : t('solution.loaded')}
    </NoticeBar>
  );
}
