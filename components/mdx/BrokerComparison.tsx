'use client';

import { useState } from 'react';
import { BROKERS, BROKER_LABELS } from '@/server/protocol/brokerNames';
import type { Comparison } from '@/server/content/comparison';

interface Props {
  data: Comparison;
  locale: 'zh' | 'en';
  labels: {
    requirements: string;
    fits: string;
    notFit: string;
    scenarios: string;
    criterion: string;
    reset: string;
  };
}

/** The broker comparison table, filtered by the requirements a learner ticks. */
export default function BrokerComparison({ data, locale, labels }: Props) {
  const [required, setRequired] = useState<string[]>([]);
  const fits = (broker: string) =>
    required.every((r) =>
      data.requirements.find((q) => q.id === r)?.fits.includes(broker as never),
    );
  const toggle = (id: string) =>
    setRequired((r) => (r.includes(id) ? r.filter((x) => x !== id) : [...r, id]));

  return (
    <div className="not-prose my-8 space-y-6" data-testid="broker-comparison">
      <fieldset className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">{labels.requirements}</legend>
        <div className="flex flex-wrap gap-2">
          {data.requirements.map((r) => (
            <label
              key={r.id}
              className="flex cursor-pointer items-center gap-2 rounded-full border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-slate-700 dark:has-[:checked]:bg-brand-700/20"
            >
              <input
                type="checkbox"
                checked={required.includes(r.id)}
                onChange={() => toggle(r.id)}
                className="accent-brand-600"
              />
              {r.label[locale]}
            </label>
          ))}
          {required.length > 0 && (
            <button
              type="button"
              onClick={() => setRequired([])}
              className="text-sm text-brand-600 underline"
            >
              {labels.reset}
            </button>
          )}
        </div>
      </fieldset>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className="p-2 text-left">
                {labels.criterion}
              </th>
              {BROKERS.map((b) => (
                <th
                  key={b}
                  scope="col"
                  className={`p-2 text-left ${fits(b) ? '' : 'opacity-40'}`}
                  data-fits={fits(b)}
                >
                  {BROKER_LABELS[b]}
                  <span
                    className={`ml-2 rounded px-1.5 py-0.5 text-xs font-normal ${fits(b) ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300' : 'bg-slate-100 text-slate-600 dark:bg-slate-800'}`}
                  >
                    {required.length ? (fits(b) ? `✓ ${labels.fits}` : `✕ ${labels.notFit}`) : ''}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.criteria.map((c) => (
              <tr key={c.id} className="border-t border-slate-200 align-top dark:border-slate-800">
                <th scope="row" className="min-w-[6.5rem] p-2 text-left font-medium">
                  {c.label[locale]}
                </th>
                {BROKERS.map((b) => {
                  const v = data.brokers.find((x) => x.broker === b)?.values[c.id];
                  return (
                    <td key={b} className={`p-2 ${fits(b) ? '' : 'opacity-40'}`}>
                      {v?.score !== undefined && (
                        <span
                          className="mr-1 font-mono text-xs text-brand-600"
                          role="img"
                          aria-label={`${v.score}/5`}
                        >
                          {'●'.repeat(v.score)}
                          <span className="text-slate-300 dark:text-slate-700">
                            {'●'.repeat(5 - v.score)}
                          </span>
                        </span>
                      )}
                      {v && <span>{v[locale]}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <p className="mb-2 font-semibold">{labels.scenarios}</p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {data.scenarios.map((s) => (
            <li
              key={s.id}
              className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
            >
              <p className="font-medium">
                {s.label[locale]} →{' '}
                <span className="text-brand-600">{BROKER_LABELS[s.choice]}</span>
              </p>
              <p className="mt-1 text-slate-600 dark:text-slate-400">{s.why[locale]}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
