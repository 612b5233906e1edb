import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { BROKER_LABELS } from '@/server/protocol/brokerNames';
import type { PlaygroundSource } from './workspace';

/** What the template or lesson example does and what to try, with a way back to its lesson. */
export default function AboutPanel({ source }: { source: PlaygroundSource }) {
  const t = useTranslations('playground.panel');
  return (
    <div className="space-y-3 p-4 text-sm leading-relaxed">
      <p className="text-xs font-semibold uppercase tracking-wider text-slate-500">
        {BROKER_LABELS[source.broker]}
      </p>
      <h2
        className="text-base font-semibold text-slate-900 dark:text-white"
        data-testid="source-title"
      >
        {source.title}
      </h2>
      {source.description && (
        <p className="text-slate-600 dark:text-slate-300">{source.description}</p>
      )}
      {source.lesson && (
        <p className="text-slate-600 dark:text-slate-300">
          {t('fromLesson', { lesson: source.lesson.title })}{' '}
          <Link
            href={`/lessons/${source.lesson.slug}`}
            className="font-medium text-brand-600 underline underline-offset-2 dark:text-brand-500"
          >
            {t('openLesson')}
          </Link>
        </p>
      )}
      <ul className="list-disc space-y-1 pl-5 font-mono text-xs text-slate-500">
        {source.files.map((f) => (
          <li key={f.name}>{f.name}</li>
        ))}
      </ul>
    </div>
  );
}
