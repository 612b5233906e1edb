/**
 * The code as plain text, laid out like the editor (same font, line height and gutter), shown
 * on the server render and while Monaco loads, so the page never waits to show the code.
 */
export default function CodePlaceholder({
  source,
  label,
  status,
}: {
  source: string;
  label: string;
  status?: string;
}) {
  const lines = source.replace(/\n$/, '').split('\n');
  return (
    <div
      className="relative h-full overflow-auto bg-white dark:bg-[#1e1e1e]"
      data-testid="code-placeholder"
    >
      {status && (
        <p
          role="status"
          className="absolute right-3 top-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300"
        >
          {status}
        </p>
      )}
      <pre
        aria-label={label}
        className="min-w-max pt-3 font-mono text-[13px] leading-5 text-slate-800 dark:text-[#d4d4d4]"
      >
        {lines.map((line, i) => (
          <div key={i} className="flex">
            <span
              aria-hidden="true"
              className="w-[52px] shrink-0 select-none pr-[26px] text-right text-[#237893] dark:text-[#858585]"
            >
              {i + 1}
            </span>
            <code>{line || ' '}</code>
          </div>
        ))}
      </pre>
    </div>
  );
}
