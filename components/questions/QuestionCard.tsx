'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { setMark, type Mark } from './practiceMarks';

export interface QuestionItem {
  id: string;
  question: string;
  topic: string;
  brokers: string[];
  difficulty: 'easy' | 'medium' | 'hard';
  answer: ReactNode;
}

const DIFFICULTY_STYLE = {
  easy: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300',
  medium: 'bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300',
  hard: 'bg-rose-100 text-rose-800 dark:bg-rose-900/40 dark:text-rose-300',
};

export default function QuestionCard({ item, mark }: { item: QuestionItem; mark?: Mark }) {
  const t = useTranslations('questions');
  const [open, setOpen] = useState(false);
  // A search hit links to #<id>: open that question's answer.
  useEffect(() => {
    const sync = () => {
      if (location.hash === `#${item.id}`) setOpen(true);
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [item.id]);
  return (
    <li
      id={item.id}
      className="scroll-mt-32 rounded-xl border border-slate-200 p-5 dark:border-slate-800"
      data-question={item.id}
      data-mark={mark ?? 'new'}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className={`rounded px-1.5 py-0.5 font-medium ${DIFFICULTY_STYLE[item.difficulty]}`}>
          {t(item.difficulty)}
        </span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">
          {t(`topics.${item.topic}`)}
        </span>
        {item.brokers.map((b) => (
          <span
            key={b}
            className="rounded border border-slate-200 px-1.5 py-0.5 text-slate-600 dark:border-slate-700 dark:text-slate-400"
          >
            {b === 'general' ? t('general') : b}
          </span>
        ))}
        {mark && (
          <span className="ml-auto font-medium text-slate-500">
            {mark === 'knew' ? `✓ ${t('statusKnew')}` : `↻ ${t('statusReview')}`}
          </span>
        )}
      </div>
      <h2 className="mt-3 text-lg font-semibold">{item.question}</h2>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`answer-${item.id}`}
          onClick={() => setOpen((o) => !o)}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900"
        >
          {open ? t('hide') : t('reveal')}
        </button>
        {open && (
          <>
            <button
              type="button"
              onClick={() => setMark(item.id, 'knew')}
              className="rounded-md border border-emerald-600 px-3 py-1.5 text-sm text-emerald-700 hover:bg-emerald-50 dark:text-emerald-400 dark:hover:bg-emerald-900/30"
            >
              ✓ {t('knewIt')}
            </button>
            <button
              type="button"
              onClick={() => setMark(item.id, 'review')}
              className="rounded-md border border-amber-600 px-3 py-1.5 text-sm text-amber-700 hover:bg-amber-50 dark:text-amber-400 dark:hover:bg-amber-900/30"
            >
              ↻ {t('reviewAgain')}
            </button>
          </>
        )}
      </div>
      <div
        id={`answer-${item.id}`}
        hidden={!open}
        className="prose prose-slate mt-4 max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none prose-pre:bg-transparent prose-pre:p-0"
      >
        {item.answer}
      </div>
    </li>
  );
}
