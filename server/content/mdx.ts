import { evaluate } from '@mdx-js/mdx';
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import * as runtime from 'react/jsx-runtime';
import remarkGfm from 'remark-gfm';
import { getHighlighter, SHIKI_THEMES } from './highlight';
import { remarkHeadingIds } from './remarkHeadingIds';

/** Compiles lesson MDX (or question Markdown) to a component, on the server only. */
export async function compileMdx(source: string, format: 'mdx' | 'md' = 'mdx') {
  const highlighter = await getHighlighter();
  const { default: Content } = await evaluate(source, {
    ...runtime,
    format,
    remarkPlugins: [remarkGfm, remarkHeadingIds],
    rehypePlugins: [[rehypeShikiFromHighlighter, highlighter, { themes: SHIKI_THEMES }]],
  });
  return Content;
}
