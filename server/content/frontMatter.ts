import { parse } from 'yaml';
import type { z } from 'zod';

/** Splits `---\nyaml\n---\nbody` and validates the YAML; throws a message naming the file. */
export function parseFrontMatter<T>(file: string, text: string, schema: z.ZodType<T>) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new Error(`${file}: missing front-matter (--- yaml --- at the top)`);
  const parsed = schema.safeParse(parse(match[1] ?? ''));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: invalid front-matter — ${issues.join('; ')}`);
  }
  return { data: parsed.data, body: text.slice(match[0].length) };
}
