import { routing } from '@/i18n/routing';
import { collectEditorTypings } from '@/scripts/editorTypings';

// Built once by `next build`: the playground editor's typings, plus what exercises import beyond
// the four client libraries.
export const dynamic = 'force-static';

/** The transactional outbox talks to its own PostgreSQL: `pg` resolves (untyped) instead of erroring. */
const EXERCISE_MODULES = ['pg'];

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET() {
  const typings = collectEditorTypings();
  return Response.json({
    ...typings,
    shorthandModules: [...typings.shorthandModules, ...EXERCISE_MODULES],
  });
}
