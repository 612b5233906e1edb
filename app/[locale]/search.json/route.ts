import { routing, isLocale } from '@/i18n/routing';
import { buildSearchDocs } from '@/server/content/searchIndex';

export const dynamic = 'force-static';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('unknown locale', { status: 404 });
  return Response.json(buildSearchDocs(locale));
}
