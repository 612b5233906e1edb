import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

export function SelfCheck({ children }: { children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <section aria-label={t('selfCheck')} className="not-prose my-8">
      <p className="mb-3 text-xl font-bold">{t('selfCheck')}</p>
      <div className="space-y-3">{children}</div>
    </section>
  );
}

/** A question whose answer is one click (or Enter) away; native <details> keeps it keyboard-friendly. */
export function Check({ question, children }: { question: string; children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <details className="group rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <summary className="cursor-pointer list-none font-medium">
        <span aria-hidden="true" className="mr-2 text-brand-600">
          ?
        </span>
        {question}
        <span className="ml-2 text-sm font-normal text-slate-500 group-open:hidden">
          — {t('showAnswer')}
        </span>
      </summary>
      <div className="prose prose-slate mt-3 max-w-none dark:prose-invert">{children}</div>
    </details>
  );
}
