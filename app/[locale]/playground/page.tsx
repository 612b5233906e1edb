import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import Playground, { type Starters } from '@/components/playground/Playground';
import { isLocale } from '@/i18n/routing';
import { BROKERS } from '@/server/protocol/brokerNames';
import {
  basicTemplateId,
  exampleSource,
  getTemplate,
  listTemplates,
  templateSource,
} from '@/server/content/templates';

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ example?: string | string[]; template?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'playground.meta' });
  return { title: t('title'), description: t('description') };
}

/** Loads the template or lesson example named in the URL and hands it to the client playground. */
export default async function PlaygroundPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const contentLocale = isLocale(locale) ? locale : 'zh';
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const exampleId = one(query.example);
  const templates = listTemplates();

  const example = exampleId ? exampleSource(exampleId, contentLocale) : undefined;
  const template = getTemplate(one(query.template) ?? '') ?? templates[0]!;
  const source = example ?? templateSource(template, contentLocale);
  const starters = Object.fromEntries(
    BROKERS.map((b) => {
      const files = getTemplate(basicTemplateId(b))!.files;
      const text = (name: string) => files.find((f) => f.name === name)!.source;
      return [b, { producer: text('producer.ts'), consumer: text('consumer.ts') }];
    }),
  ) as Starters;
  const messages = await getMessages();

  return (
    // The root layout hands the client only the chrome's strings; this tree gets the playground's.
    <NextIntlClientProvider locale={locale} messages={{ playground: messages.playground }}>
      <Playground
        key={`${source.kind}:${source.id}`}
        locale={locale}
        source={source}
        templates={templates.map((t) => ({
          id: t.id,
          broker: t.broker,
          title: t.title[contentLocale],
        }))}
        starters={starters}
        missingExample={exampleId && !example ? exampleId : undefined}
      />
    </NextIntlClientProvider>
  );
}
