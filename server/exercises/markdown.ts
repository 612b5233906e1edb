import type { ContentLocale } from '../content/schema';

/**
 * An exercise's `zh.md` / `en.md`: the statement in Markdown, then one last section headed
 * `## 提示` (zh) or `## Hints` (en) holding a list; each top-level item is one hint, revealed
 * one at a time. Items may span lines (indented continuation, code included). No `# ` title:
 * the title comes from exercise.json.
 */
export const HINTS_HEADING: Record<ContentLocale, string> = { zh: '提示', en: 'Hints' };

export interface ExerciseText {
  statement: string;
  hints: string[];
}

/** Splits a statement file; throws a sentence naming the file and the problem. */
export function parseExerciseMarkdown(
  file: string,
  locale: ContentLocale,
  text: string,
): ExerciseText {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const headingAt = (line: string) => /^##\s/.test(line);
  const hintsIndex = lines.findIndex((l) => l.trim() === `## ${HINTS_HEADING[locale]}`);
  if (hintsIndex < 0) throw new Error(`${file}: no "## ${HINTS_HEADING[locale]}" section`);
  if (lines.some((l, i) => i > hintsIndex && headingAt(l))) {
    throw new Error(`${file}: "## ${HINTS_HEADING[locale]}" must be the last ## section`);
  }
  if (lines.some((l) => /^#\s/.test(l)))
    throw new Error(`${file}: no "# " title (it comes from exercise.json)`);
  const statement = lines.slice(0, hintsIndex).join('\n').trim();
  if (!statement) throw new Error(`${file}: the statement before the hints is empty`);
  const hints = splitListItems(file, lines.slice(hintsIndex + 1));
  if (hints.length === 0) throw new Error(`${file}: the hints section has no list items`);
  return { statement, hints };
}

function splitListItems(file: string, lines: string[]): string[] {
  const items: string[][] = [];
  let inFence = false;
  let previousBlank = true;
  for (const line of lines) {
    const marker = /^(?:\d+\.|[-*])\s+(.*)$/.exec(line);
    const blank = line.trim() === '';
    if (!inFence && marker) {
      items.push([marker[1]!]);
    } else if (blank) {
      items.at(-1)?.push('');
    } else if (items.length > 0 && (/^\s+\S/.test(line) || !previousBlank)) {
      // Indented, or a lazy continuation of the paragraph right above (as Markdown allows).
      items.at(-1)!.push(line.replace(/^ {1,4}/, ''));
    } else {
      throw new Error(
        `${file}: hints must be a list; "${line.trim().slice(0, 40)}" is outside any item`,
      );
    }
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    previousBlank = blank;
  }
  return items.map((item) => item.join('\n').trim()).filter(Boolean);
}
