'use client';

import { useTranslations } from 'next-intl';
import { BROKER_LABELS } from '@/server/protocol/brokerNames';
import type { BrokerStatus } from '@/server/protocol/brokers';
import type { CheckOutcome } from './checkSession';
import Command from './Command';
import NoticeBar from '@/components/ui/NoticeBar';

/** The app's start command, as the README gives it. */
const SERVER_START = 'npm run lab';

interface Props {
  serverDown: boolean;
  brokerDown: BrokerStatus | undefined;
  /** The last check's outcome when it brought no report. */
  outcome: CheckOutcome | undefined;
  onDismiss: () => void;
}

/** Why checking cannot work right now, or why the last check brought no report — and what to do. */
export default function CheckNotices({ serverDown, brokerDown, outcome, onDismiss }: Props) {
  const t = useTranslations('exercises.notice');
  const problem = outcome && outcome.kind !== 'graded' ? outcome : undefined;
  return (
    <>
      {serverDown ? (
        <NoticeBar testId="exercise-notice" tone="warn" kind="server-down">
          {t('serverDown')} <Command>{SERVER_START}</Command>
        </NoticeBar>
      ) : (
        brokerDown && (
          <NoticeBar testId="exercise-notice" tone="warn" kind="broker-down">
            {t('brokerDown', { broker: BROKER_LABELS[brokerDown.broker] })}{' '}
            <Command>{brokerDown.startCommand}</Command>
          </NoticeBar>
        )
      )}
      {problem && !(serverDown && problem.kind === 'no-answer') && (
        <NoticeBar testId="exercise-notice" tone="warn" kind={problem.kind} onDismiss={onDismiss}>
          {problem.kind === 'refused'
            ? t(`refused.${problem.refusal}`, { message: problem.message })
            : problem.kind === 'unavailable' || problem.kind === 'error'
              ? t(problem.kind, { message: problem.message })
              : t(problem.kind === 'no-answer' ? 'noAnswer' : 'disconnected')}
        </NoticeBar>
      )}
    </>
  );
}
