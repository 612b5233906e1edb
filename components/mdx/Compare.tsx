import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

export function Compare({ children }: { children: ReactNode }) {
  return <div className="not-prose my-6 grid gap-4 lg:grid-cols-2">{children}</div>;
}

function Side({ kind, children }: { kind: 'wrong' | 'right'; children: ReactNode }) {
  const t = useTranslations('lesson');
  const wrong = kind === 'wrong';
  return (
    <div className="min-w-0">
      <p
        className={`mb-2 text-sm font-semibold ${wrong ? 'text-rose-700 dark:text-rose-400' : 'text-emerald-700 dark:text-emerald-400'}`}
      >
        <span aria-hidden="true">{wrong ? '✕ ' : '✓ '}</span>
        {t(kind)}
      </p>
      <div
        className={`rounded-lg border-t-4 ${wrong ? 'border-rose-500' : 'border-emerald-500'} text-sm [&_p]:my-2`}
      >
        {children}
      </div>
    </div>
  );
}

export function Wrong({ children }: { children: ReactNode }) {
  return <Side kind="wrong">{children}</Side>;
}

export function Right({ children }: { children: ReactNode }) {
  return <Side kind="right">{children}</Side>;
}
