export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

const HEADING = /^(#{2,3})\s+(.+?)\s*\{\/\*\s*([a-z0-9-]+)\s*\*\/\}\s*$/;

/**
 * Headings with their explicit ids (`## Title {/*id*\/}`), outside code fences. A `##`/`###`
 * without an id is returned with id '' so validation can name it.
 */
export function extractHeadings(mdx: string): Heading[] {
  const headings: Heading[] = [];
  let fence = false;
  for (const line of mdx.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || !/^#{2,3}\s/.test(line)) continue;
    const m = HEADING.exec(line);
    const depth = (m?.[1] ?? line.match(/^#+/)![0]).length as 2 | 3;
    headings.push({ depth, text: (m?.[2] ?? line.replace(/^#+\s*/, '')).trim(), id: m?.[3] ?? '' });
  }
  return headings;
}
