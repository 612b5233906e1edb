'use client';

import { useTranslations } from 'next-intl';
import type { Broker } from '@/server/protocol/brokers';

export interface TemplateOption {
  id: string;
  broker: Broker;
  title: string;
}

interface Props {
  broker: Broker;
  templates: TemplateOption[];
  /** The template shown, or undefined for a lesson example (then listed as its own option). */
  current: string | undefined;
  exampleTitle?: string;
  onPick: (id: string) => void;
}

/** The templates of the chosen broker, as a native select (works with keyboards and touch alike). */
export default function TemplatePicker({
  broker,
  templates,
  current,
  exampleTitle,
  onPick,
}: Props) {
  const t = useTranslations('playground.toolbar');
  const options = templates.filter((o) => o.broker === broker);
  const listed = options.some((o) => o.id === current);
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="sr-only">{t('template')}</span>
      <select
        value={listed ? current : ''}
        onChange={(e) => onPick(e.target.value)}
        className="max-w-[17rem] min-w-0 truncate rounded-lg border border-slate-300 bg-white py-1.5 pl-2 pr-8 text-sm dark:border-slate-700 dark:bg-slate-900"
        data-testid="template-picker"
      >
        {!listed && (
          <option value="" disabled>
            {exampleTitle ? `${t('lessonExample')}: ${exampleTitle}` : t('template')}
          </option>
        )}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </label>
  );
}
