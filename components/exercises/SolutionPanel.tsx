'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { BUTTON } from '@/components/playground/buttonStyles';
import ConfirmDialog from './ConfirmDialog';
import { LockIcon } from './Icons';

interface Props {
  /** Shown after passing, or after the learner asked for it (and confirmed). */
  unlocked: boolean;
  /** Asked for before passing: said plainly, and kept in the progress. */
  viewedBeforePassing: boolean;
  /** The solution's changed files, highlighted on the server. */
  code: ReactNode;
  onShow: () => void;
  onLoad: () => void;
}

/** The reference solution: the reward for passing, or help on explicit request behind a confirm. */
export default function SolutionPanel(props: Props) {
  const { unlocked, viewedBeforePassing, code, onShow, onLoad } = props;
  const t = useTranslations('exercises.solution');
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="solution-title" className="mt-8" data-testid="solution">
      <h2 id="solution-title" className="flex items-baseline gap-2 text-base font-semibold">
        <LockIcon open={unlocked} />
        {t('title')}
      </h2>
      {unlocked ? (
        <div data-testid="solution-code">
          {viewedBeforePassing && (
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('viewed')}</p>
          )}
          <button
            type="button"
            className={`${BUTTON} mt-3`}
            onClick={onLoad}
            data-testid="load-solution"
          >
            <span aria-hidden="true">⇩</span>
            {t('load')}
          </button>
          <div className="mt-3 space-y-3">{code}</div>
        </div>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t('locked')}</p>
          <button
            type="button"
            className={`${BUTTON} mt-3`}
            onClick={() => setConfirming(true)}
            data-testid="show-solution"
          >
            {t('show')}
          </button>
          <ConfirmDialog
            open={confirming}
            title={t('confirmTitle')}
            body={t('confirmBody')}
            confirm={t('confirm')}
            cancel={t('cancel')}
            onConfirm={onShow}
            onClose={() => setConfirming(false)}
          />
        </>
      )}
    </section>
  );
}
