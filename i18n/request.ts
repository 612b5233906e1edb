import { getRequestConfig } from 'next-intl/server';
import { hasLocale } from 'next-intl';
import { routing } from './routing';

/** UI strings are split by area so each feature owns its own file: `<area>.<locale>.json`. */
const AREAS = ['playground', 'exercises'] as const;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const [core, ...areas] = await Promise.all([
    import(`./messages/${locale}.json`),
    ...AREAS.map((area) => import(`./messages/${area}.${locale}.json`)),
  ]);
  return { locale, messages: Object.assign({}, core.default, ...areas.map((a) => a.default)) };
});
