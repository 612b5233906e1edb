import { routing } from '@/i18n/routing';
import { collectEditorTypings } from '@/scripts/editorTypings';

// Built once by `next build` from node_modules: the editor's view of amqplib, kafkajs, nsqjs and ioredis.
export const dynamic = 'force-static';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET() {
  return Response.json(collectEditorTypings());
}
