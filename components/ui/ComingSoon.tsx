import { getTranslations } from 'next-intl/server';

/** A page whose feature has not landed yet: says so plainly instead of a dead link. */
export default async function ComingSoon({ title, body }: { title: string; body: string }) {
  const t = await getTranslations('placeholder');
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wider text-amber-600">{t('soon')}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">{body}</p>
    </div>
  );
}
