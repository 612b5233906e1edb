import { highlightToHtml } from '@/server/content/highlight';

/** Files highlighted on the server (light and dark themes both in the markup), one figure each. */
export default async function CodeFiles({
  files,
  lang = 'ts',
  caption,
}: {
  files: readonly { name: string; source: string }[];
  lang?: string;
  caption?: (name: string) => string;
}) {
  const html = await Promise.all(files.map((f) => highlightToHtml(f.source, lang)));
  return files.map((f, i) => (
    <figure key={f.name} data-file={f.name} className="min-w-0">
      <figcaption className="mb-1 font-mono text-xs text-slate-600 dark:text-slate-400">
        {caption ? caption(f.name) : f.name}
      </figcaption>
      <div
        className="max-h-[28rem] overflow-auto text-[12px] [&_.shiki]:m-0"
        // Our own repository's files, highlighted by shiki at build time.
        dangerouslySetInnerHTML={{ __html: html[i]! }}
      />
    </figure>
  ));
}
