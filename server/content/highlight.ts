import { createHighlighter, type Highlighter } from 'shiki';

export const SHIKI_THEMES = { light: 'github-light', dark: 'github-dark' } as const;
const LANGS = ['ts', 'tsx', 'js', 'json', 'bash', 'yaml', 'go', 'sql', 'text'];

let highlighter: Promise<Highlighter> | undefined;

/** One highlighter for the whole build: creating one per page would dominate build time. */
export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(SHIKI_THEMES), langs: LANGS });
  return highlighter;
}

export async function highlightToHtml(code: string, lang: string): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code, { lang: LANGS.includes(lang) ? lang : 'text', themes: SHIKI_THEMES });
}
