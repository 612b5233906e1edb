import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { readComparison } from '@/server/content/comparison';
import { readExample } from '@/server/content/examples';
import type { LessonSource } from '@/server/content/lessons';
import BrokerComparison from './BrokerComparison';
import { DeepDive, Intro, Note, Pitfall, Recap, YouWillLearn } from './Callouts';
import { Compare, Right, Wrong } from './Compare';
import ExampleBlock from './ExampleBlock';
import { Check, SelfCheck } from './SelfCheck';

/** Internal links stay inside the learner's locale; external ones open as usual. */
function MdxLink({ href = '', ...rest }: ComponentProps<'a'>) {
  return href.startsWith('/') ? <Link href={href} {...rest} /> : <a href={href} {...rest} />;
}

/** The component set a lesson's MDX may use, bound to that lesson's folder and locale. */
export async function lessonComponents(lesson: LessonSource): Promise<MDXComponents> {
  const t = await getTranslations('comparison');
  const labels = {
    requirements: t('requirements'),
    fits: t('fits'),
    notFit: t('notFit'),
    scenarios: t('scenarios'),
    criterion: t('criterion'),
    reset: t('reset'),
  };
  return {
    a: MdxLink,
    Intro,
    YouWillLearn,
    Pitfall,
    DeepDive,
    Note,
    Recap,
    Compare,
    Wrong,
    Right,
    SelfCheck,
    Check,
    Example: ({ name }: { name: string }) => (
      <ExampleBlock example={readExample(lesson.dir, lesson.slug, name)} locale={lesson.locale} />
    ),
    BrokerComparison: () => (
      <BrokerComparison data={readComparison(lesson.dir)} locale={lesson.locale} labels={labels} />
    ),
  };
}
