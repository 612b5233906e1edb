import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

// Small, presentational lesson asides. Each carries a text label, never colour alone.

export function Intro({ children }: { children: ReactNode }) {
  return (
    <div className="text-lg leading-8 text-slate-700 dark:text-slate-300 [&>p]:my-0">
      {children}
    </div>
  );
}

export function YouWillLearn({ children }: { children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <aside className="not-prose my-6 rounded-xl border border-brand-100 bg-brand-50 p-5 dark:border-brand-700/40 dark:bg-brand-700/10">
      <p className="font-semibold text-brand-700 dark:text-brand-100">{t('youWillLearn')}</p>
      <div className="prose prose-slate mt-2 max-w-none dark:prose-invert [&_li]:my-1">
        {children}
      </div>
    </aside>
  );
}

export function Recap({ children }: { children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <aside className="not-prose my-8 rounded-xl border border-emerald-200 bg-emerald-50 p-5 dark:border-emerald-800/60 dark:bg-emerald-900/20">
      <p className="font-semibold text-emerald-800 dark:text-emerald-300">{t('recap')}</p>
      <div className="prose prose-slate mt-2 max-w-none dark:prose-invert [&_li]:my-1">
        {children}
      </div>
    </aside>
  );
}

export function Pitfall({ title, children }: { title?: string; children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <aside className="my-6 rounded-xl border-l-4 border-amber-500 bg-amber-50 px-5 py-3 dark:bg-amber-900/20">
      <p className="!my-1 font-semibold text-amber-900 dark:text-amber-200">
        <span aria-hidden="true">⚠ </span>
        {t('pitfall')}
        {title ? `: ${title}` : ''}
      </p>
      <div className="[&>p]:my-2">{children}</div>
    </aside>
  );
}

export function Note({ children }: { children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <aside className="my-6 rounded-xl border-l-4 border-sky-500 bg-sky-50 px-5 py-3 dark:bg-sky-900/20">
      <p className="!my-1 font-semibold text-sky-900 dark:text-sky-200">{t('note')}</p>
      <div className="[&>p]:my-2">{children}</div>
    </aside>
  );
}

export function DeepDive({ title, children }: { title?: string; children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <details className="group my-6 rounded-xl border border-violet-200 bg-violet-50/60 px-5 py-3 dark:border-violet-800/60 dark:bg-violet-900/15">
      <summary className="cursor-pointer list-none font-semibold text-violet-900 dark:text-violet-200">
        <span aria-hidden="true" className="mr-1 inline-block transition group-open:rotate-90">
          ▸
        </span>
        {t('deepDive')}
        {title ? `: ${title}` : ''}
      </summary>
      <div className="mt-2 [&>p]:my-2">{children}</div>
    </details>
  );
}
