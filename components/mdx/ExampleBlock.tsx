import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { BROKER_LABELS } from '@/server/protocol/brokerNames';
import type { Example } from '@/server/content/examples';
import { highlightToHtml } from '@/server/content/highlight';
import type { ContentLocale } from '@/server/content/schema';
import ExampleTabs from './ExampleTabs';

/** A runnable example: its real files, highlighted on the server, and a link into the playground. */
export default async function ExampleBlock({
  example,
  locale,
}: {
  example: Example;
  locale: ContentLocale;
}) {
  const t = await getTranslations('lesson');
  const files = await Promise.all(
    example.files.map(async (f) => ({
      name: f.name,
      html: await highlightToHtml(f.source.trimEnd(), 'ts'),
    })),
  );
  return (
    <figure
      className="not-prose my-8 overflow-hidden rounded-xl border border-slate-200 dark:border-slate-800"
      data-example={example.id}
    >
      <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-slate-50 px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        <span className="rounded bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white">
          {t('example')}
        </span>
        <span className="font-medium">{example.title[locale]}</span>
        <span className="text-xs text-slate-500">
          {t('runsOn', { broker: BROKER_LABELS[example.broker] })}
        </span>
        <Link
          href={{ pathname: '/playground', query: { example: example.id } }}
          className="ml-auto rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200"
        >
          {t('openInPlayground')} →
        </Link>
      </figcaption>
      <ExampleTabs files={files} initial={example.open} label={t('files')} />
    </figure>
  );
}
