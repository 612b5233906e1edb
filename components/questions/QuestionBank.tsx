'use client';

import { useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import QuestionCard, { type QuestionItem } from './QuestionCard';
import { usePracticeMarks } from './practiceMarks';

type Status = 'all' | 'new' | 'review' | 'knew';

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Practice mode: filter by topic, broker, difficulty and own marks; shuffle; reveal; mark. */
export default function QuestionBank({ items }: { items: QuestionItem[] }) {
  const t = useTranslations('questions');
  const marks = usePracticeMarks();
  const [topic, setTopic] = useState('all');
  const [broker, setBroker] = useState('all');
  const [difficulty, setDifficulty] = useState('all');
  const [status, setStatus] = useState<Status>('all');
  const [order, setOrder] = useState<string[] | undefined>();

  const topics = useMemo(() => [...new Set(items.map((i) => i.topic))], [items]);
  const brokers = useMemo(() => [...new Set(items.flatMap((i) => i.brokers))], [items]);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const visible = (order ? order.map((id) => byId.get(id)!) : items).filter(
    (i) =>
      (topic === 'all' || i.topic === topic) &&
      (broker === 'all' || i.brokers.includes(broker)) &&
      (difficulty === 'all' || i.difficulty === difficulty) &&
      (status === 'all' || (marks[i.id] ?? 'new') === status),
  );
  const knew = items.filter((i) => marks[i.id] === 'knew').length;
  const review = items.filter((i) => marks[i.id] === 'review').length;
  const select =
    'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900';

  return (
    <div>
      <div className="sticky top-14 z-10 -mx-4 flex flex-wrap items-end gap-3 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <label className="flex flex-col text-xs text-slate-500">
          {t('topic')}
          <select className={select} value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="all">{t('all')}</option>
            {topics.map((x) => (
              <option key={x} value={x}>
                {t(`topics.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-500">
          {t('broker')}
          <select className={select} value={broker} onChange={(e) => setBroker(e.target.value)}>
            <option value="all">{t('all')}</option>
            {brokers.map((x) => (
              <option key={x} value={x}>
                {x === 'general' ? t('general') : x}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-500">
          {t('difficulty')}
          <select
            className={select}
            value={difficulty}
            onChange={(e) => setDifficulty(e.target.value)}
          >
            <option value="all">{t('all')}</option>
            {(['easy', 'medium', 'hard'] as const).map((x) => (
              <option key={x} value={x}>
                {t(x)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-500">
          {t('status')}
          <select
            className={select}
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
          >
            <option value="all">{t('statusAll')}</option>
            <option value="new">{t('statusNew')}</option>
            <option value="review">{t('statusReview')}</option>
            <option value="knew">{t('statusKnew')}</option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => setOrder(shuffled(items.map((i) => i.id)))}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
        >
          ⇄ {t('shuffle')}
        </button>
        <p className="ml-auto text-sm text-slate-500" data-testid="practice-progress">
          {t('progress', { knew, review, total: items.length })}
        </p>
      </div>
      <p className="mt-4 text-sm text-slate-500">{t('showing', { n: visible.length })}</p>
      {visible.length === 0 ? (
        <p className="mt-8 text-center text-slate-500">{t('empty')}</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {visible.map((item) => (
            <QuestionCard key={item.id} item={item} mark={marks[item.id]} />
          ))}
        </ol>
      )}
    </div>
  );
}
