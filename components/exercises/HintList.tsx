'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { BUTTON } from '@/components/playground/buttonStyles';
import { BulbIcon } from './Icons';

interface Props {
  /** Every hint, rendered on the server; only the first `shown` are displayed. */
  hints: ReactNode[];
  shown: number;
  onReveal: () => void;
}

/** Hints one at a time, in order; how many are shown is remembered per exercise. */
export default function HintList({ hints, shown, onReveal }: Props) {
  const t = useTranslations('exercises.hints');
  const total = hints.length;
  const visible = Math.min(shown, total);
  const items = useRef(new Map<number, HTMLLIElement>());
  const revealed = useRef(false);
  // Keyboard and screen-reader users land on the hint they just asked for.
  useEffect(() => {
    if (!revealed.current) return;
    revealed.current = false;
    items.current.get(visible - 1)?.focus();
  }, [visible]);
  return (
    <section aria-labelledby="hints-title" className="mt-8" data-testid="hints">
      <h2 id="hints-title" className="flex items-baseline gap-2 text-base font-semibold">
        <BulbIcon />
        {t('title')}
        <span className="text-xs font-normal text-slate-500" data-testid="hints-count">
          {t('shown', { shown: visible, total })}
        </span>
      </h2>
      {visible > 0 && (
        <ol className="mt-3 space-y-2">
          {hints.slice(0, visible).map((hint, i) => (
            <li
              key={i}
              ref={(el) => {
                if (el) items.current.set(i, el);
                else items.current.delete(i);
              }}
              tabIndex={-1}
              className="rounded-lg border border-amber-200 bg-amber-50/60 p-3 dark:border-amber-900 dark:bg-amber-950/30"
              data-hint={i + 1}
            >
              <p className="text-xs font-semibold text-amber-900 dark:text-amber-200">
                {t('hintN', { n: i + 1 })}
              </p>
              <div className="prose prose-sm prose-slate mt-1 max-w-none dark:prose-invert prose-p:my-1 prose-code:before:content-none prose-code:after:content-none prose-pre:bg-transparent prose-pre:p-0">
                {hint}
              </div>
            </li>
          ))}
        </ol>
      )}
      {visible < total ? (
        <button
          type="button"
          className={`${BUTTON} mt-3`}
          onClick={() => {
            revealed.current = true;
            onReveal();
          }}
          data-testid="reveal-hint"
        >
          {t('reveal', { n: visible + 1 })}
        </button>
      ) : (
        <p className="mt-2 text-xs text-slate-500">{t('allShown')}</p>
      )}
    </section>
  );
}
