'use client';

import { useTranslations } from 'next-intl';
import type { ExerciseReport } from '@/server/protocol/exercise';

interface Props {
  report: ExerciseReport;
  locale: 'zh' | 'en';
  /** When this report came back. */
  at: number;
  /** The files in the editor are not the ones this report judged. */
  stale: boolean;
}

/** The grader's verdict: each rule passed or failed (word and symbol, not colour alone), and why. */
export default function CheckReport({ report, locale, at, stale }: Props) {
  const t = useTranslations('exercises.report');
  const failed = report.checks.filter((c) => !c.passed).length;
  const total = report.checks.length;
  // Today's check by its time only; an older one with its date.
  const today = new Date(at).toDateString() === new Date().toDateString();
  const time = new Intl.DateTimeFormat(locale, {
    ...(today ? {} : { dateStyle: 'medium' as const }),
    timeStyle: 'medium',
  }).format(at);
  return (
    <div className="space-y-3 p-4" data-testid="check-report" data-passed={report.passed}>
      <div
        className={`flex items-start gap-2 rounded-lg border p-3 text-sm font-semibold ${
          report.passed
            ? 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200'
            : 'border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-200'
        }`}
        data-testid="report-verdict"
      >
        <span aria-hidden="true" className="text-base leading-5">
          {report.passed ? '✓' : '✗'}
        </span>
        <p>{report.passed ? t('passed') : t('failed', { failed, total })}</p>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t('summary', {
          passed: total - failed,
          total,
          seconds: (report.durationMs / 1000).toFixed(1),
          runEnd: report.runEnd,
        })}
        <br />
        {t('last', { time })}
      </p>
      {stale && (
        <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="report-stale">
          <span aria-hidden="true">⚠ </span>
          {t('stale')}
        </p>
      )}
      <ul className="space-y-2">
        {report.checks.map((check) => (
          <li
            key={check.id}
            className={`rounded-lg border p-3 text-sm ${
              check.passed
                ? 'border-slate-200 dark:border-slate-800'
                : 'border-rose-300 bg-rose-50/60 dark:border-rose-900 dark:bg-rose-950/30'
            }`}
            data-check={check.id}
            data-passed={check.passed}
          >
            <div className="flex items-start gap-2">
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold text-white ${
                  check.passed ? 'bg-emerald-600' : 'bg-rose-600'
                }`}
              >
                {check.passed ? '✓' : '✕'}
              </span>
              <p className="min-w-0 flex-1 font-medium text-slate-900 dark:text-white">
                {check.title[locale]}
              </p>
              <span
                className={`shrink-0 text-xs font-semibold uppercase tracking-wide ${
                  check.passed
                    ? 'text-emerald-700 dark:text-emerald-400'
                    : 'text-rose-700 dark:text-rose-300'
                }`}
              >
                {check.passed ? t('checkPassed') : t('checkFailed')}
              </span>
            </div>
            <p
              className={`mt-1.5 whitespace-pre-line break-words pl-6 ${
                check.passed
                  ? 'text-xs text-slate-500 dark:text-slate-400'
                  : 'text-slate-800 dark:text-slate-100'
              }`}
              data-testid="check-message"
            >
              {check.message[locale]}
            </p>
          </li>
        ))}
      </ul>
      {report.passed && (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('solutionUnlocked')}</p>
      )}
    </div>
  );
}
