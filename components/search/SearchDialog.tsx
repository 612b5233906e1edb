'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type MiniSearch from 'minisearch';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from '@/i18n/navigation';
import type { SearchDoc } from '@/server/content/searchIndex';
import { tokenize } from './tokenize';

type Hit = Pick<SearchDoc, 'id' | 'kind' | 'title' | 'parent' | 'href'>;

/** Loads MiniSearch and the locale's index only when the learner first opens search. */
async function loadIndex(locale: string): Promise<MiniSearch<SearchDoc>> {
  const [{ default: MiniSearchClass }, docs] = await Promise.all([
    import('minisearch'),
    fetch(`/${locale}/search.json`).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<SearchDoc[]>;
    }),
  ]);
  const index = new MiniSearchClass<SearchDoc>({
    fields: ['title', 'parent', 'text'],
    storeFields: ['id', 'kind', 'title', 'parent', 'href'],
    tokenize,
    searchOptions: {
      boost: { title: 3, parent: 1.5 },
      prefix: true,
      fuzzy: 0.15,
      combineWith: 'AND',
    },
  });
  index.addAll(docs);
  return index;
}

export default function SearchDialog() {
  const t = useTranslations('search');
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<MiniSearch<SearchDoc> | 'loading' | 'failed'>();
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const loading = useRef<Promise<void> | undefined>(undefined);

  const openSearch = useCallback(() => {
    setOpen(true);
    if (loading.current) return;
    setIndex('loading');
    loading.current = loadIndex(locale).then(setIndex, () => {
      setIndex('failed');
      loading.current = undefined; // let the next open retry
    });
  }, [locale]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement && /INPUT|TEXTAREA|SELECT/.test(e.target.tagName);
      if ((e.key === 'k' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        openSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSearch]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const hits: Hit[] =
    typeof index === 'object' && query.trim()
      ? (index.search(query).slice(0, 12) as unknown as Hit[])
      : [];

  function go(hit: Hit | undefined) {
    if (!hit) return;
    setOpen(false);
    setQuery('');
    router.push(hit.href);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') go(hits[active]);
    else return;
    e.preventDefault();
  }

  return (
    <>
      <button
        type="button"
        onClick={openSearch}
        data-testid="search-open"
        className="flex items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-sm text-slate-500 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <svg
          viewBox="0 0 24 24"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="hidden lg:inline">{t('open')}</span>
        <kbd className="hidden rounded border border-slate-300 px-1 font-mono text-[10px] lg:inline dark:border-slate-600">
          Ctrl K
        </kbd>
      </button>
      {open && (
        <div
          className="fixed inset-0 z-50 bg-slate-900/40 p-4 pt-[10vh] backdrop-blur-sm"
          onMouseDown={() => setOpen(false)}
        >
          <div
            role="dialog"
            aria-modal="true"
            aria-label={t('open')}
            onMouseDown={(e) => e.stopPropagation()}
            className="mx-auto max-w-xl overflow-hidden rounded-xl bg-white shadow-2xl dark:bg-slate-900"
          >
            <input
              ref={input}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              placeholder={t('placeholder')}
              aria-label={t('placeholder')}
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls="search-results"
              aria-activedescendant={hits[active] ? `hit-${active}` : undefined}
              className="w-full border-b border-slate-200 bg-transparent px-4 py-3 outline-none dark:border-slate-800"
            />
            <ul
              id="search-results"
              role="listbox"
              className="max-h-[60vh] overflow-y-auto p-2"
              data-testid="search-results"
            >
              {index === 'loading' && (
                <li className="p-3 text-sm text-slate-500">{t('loading')}</li>
              )}
              {index === 'failed' && <li className="p-3 text-sm text-rose-600">{t('failed')}</li>}
              {typeof index === 'object' && query.trim() && hits.length === 0 && (
                <li className="p-3 text-sm text-slate-500">{t('none', { q: query })}</li>
              )}
              {hits.map((hit, i) => (
                <li
                  key={hit.id}
                  id={`hit-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => go(hit)}
                  className={`cursor-pointer rounded-lg px-3 py-2 ${i === active ? 'bg-brand-50 dark:bg-brand-700/20' : ''}`}
                >
                  <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-[10px] uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-400">
                    {hit.kind === 'lesson' ? t('lesson') : t('question')}
                  </span>
                  <span className="text-sm font-medium">{hit.title}</span>
                  {hit.parent && hit.parent !== hit.title && (
                    <span className="block pl-1 text-xs text-slate-500">{hit.parent}</span>
                  )}
                </li>
              ))}
            </ul>
            <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-800">
              {t('hint')}
            </p>
          </div>
        </div>
      )}
    </>
  );
}
