'use client';

import { useTranslations } from 'next-intl';
import NoticeBar from '@/components/ui/NoticeBar';
import type { Notice } from './usePersistentWorkspace';
import type { Workspace } from './workspace';

interface Props {
  notice: Notice;
  locale: string;
  missingExample?: string;
  onUndo: (ws: Workspace) => void;
  onReset: () => void;
  onDismiss: () => void;
}

const WARNINGS = new Set<Notice['kind']>([
  'badShareLink',
  'exampleMissing',
  'runtimeMissing',
  'runRefused',
  'actionRefused',
  'actionUnanswered',
]);

/** Words (and the one useful action) for each notice. */
export default function PlaygroundNotice({
  notice,
  locale,
  missingExample,
  onUndo,
  onReset,
  onDismiss,
}: Props) {
  const t = useTranslations('playground');
  let text: string;
  if (notice.kind === 'draftRestored') {
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
      notice.savedAt,
    );
    text = t('notice.draftRestored', { time });
  } else if (notice.kind === 'exampleMissing') {
    text = t('notice.exampleMissing', { id: missingExample ?? '' });
  } else if (notice.kind === 'runRefused') {
    text = t('notice.runRefused', { message: notice.message });
  } else if (notice.kind === 'actionRefused') {
    text = t('notice.actionRefused', { message: notice.message });
  } else {
    text = t(`notice.${notice.kind}`);
  }
  const action =
    notice.kind === 'wasReset'
      ? { label: t('notice.undo'), onClick: () => onUndo(notice.undo) }
      : notice.kind === 'draftRestored'
        ? { label: t('toolbar.reset'), onClick: onReset }
        : undefined;
  return (
    <NoticeBar
      kind={notice.kind}
      action={action}
      tone={WARNINGS.has(notice.kind) ? 'warn' : 'info'}
      onDismiss={onDismiss}
    >
      {text}
    </NoticeBar>
  );
}
