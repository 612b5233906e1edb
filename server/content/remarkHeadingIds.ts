import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** `## Title {/*id*\/}` → `<h2 id="id">Title</h2>`: explicit ids survive translation. */
export function remarkHeadingIds() {
  return (tree: Root) => {
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1) as { type: string; value?: string } | undefined;
      const m =
        last?.type === 'mdxTextExpression'
          ? /^\/\*\s*([a-z0-9-]+)\s*\*\/$/.exec(last.value?.trim() ?? '')
          : null;
      if (!m) return;
      node.children.pop();
      const prev = node.children.at(-1);
      if (prev?.type === 'text') prev.value = prev.value.trimEnd();
      node.data = { ...node.data, hProperties: { id: m[1] } };
    });
  };
}
