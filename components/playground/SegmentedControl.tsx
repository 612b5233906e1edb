'use client';

import { useId } from 'react';

interface Props<T extends string> {
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  name?: string;
}

/** A row of radio buttons that looks like a switch: arrow keys move between options natively. */
export default function SegmentedControl<T extends string>({
  legend,
  value,
  options,
  onChange,
  name,
}: Props<T>) {
  const id = useId();
  return (
    <fieldset className="flex items-center">
      <legend className="sr-only">{legend}</legend>
      <div className="flex rounded-lg border border-slate-300 bg-white p-0.5 dark:border-slate-700 dark:bg-slate-900">
        {options.map((o) => (
          <label key={o.value} className="relative">
            <input
              type="radio"
              name={name ?? id}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
              className="peer sr-only"
            />
            <span className="block cursor-pointer rounded-md px-2.5 py-1 text-sm text-slate-600 peer-checked:bg-slate-900 peer-checked:font-medium peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-brand-500 hover:text-slate-900 dark:text-slate-300 dark:peer-checked:bg-white dark:peer-checked:text-slate-900 dark:hover:text-white">
              {o.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
