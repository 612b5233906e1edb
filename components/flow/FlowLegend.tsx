import type { TokenKind } from './flowModel';
import { BADGE_STYLE, TOKEN_STYLE } from './tokenStyle';

const KINDS: TokenKind[] = ['message', 'redelivery', 'retry', 'requeue', 'dead-letter', 'claim'];

function Shape({ kind }: { kind: TokenKind }) {
  const { shape } = TOKEN_STYLE[kind];
  const cls = 'fill-current';
  return (
    <svg viewBox="-7 -7 14 14" className="size-3.5" aria-hidden="true">
      {shape === 'dot' && <circle r="5" className={cls} />}
      {shape === 'ring' && <circle r="4.5" fill="none" stroke="currentColor" strokeWidth="2" />}
      {shape === 'triangle' && <path d="M6,0 L-5,-5 L-5,5 z" className={cls} />}
      {shape === 'back-triangle' && <path d="M-6,0 L5,-5 L5,5 z" className={cls} />}
      {shape === 'diamond' && <path d="M0,-6 L6,0 L0,6 L-6,0 z" className={cls} />}
      {shape === 'star' && (
        <path
          d="M0,-6 L1.8,-1.8 L6,-1.5 L2.6,1.2 L3.7,5.5 L0,3 L-3.7,5.5 L-2.6,1.2 L-6,-1.5 L-1.8,-1.8 z"
          className={cls}
        />
      )}
    </svg>
  );
}

/** What each moving shape and flash means: shape first, colour second. */
export default function FlowLegend({
  label,
  title,
}: {
  label: (key: TokenKind | 'ack' | 'nack') => string;
  title: string;
}) {
  return (
    <ul
      aria-label={title}
      className="flex flex-wrap gap-x-3 gap-y-1 px-3 py-1.5 text-[11px] text-slate-600 dark:text-slate-300"
    >
      {KINDS.map((k) => (
        <li key={k} className="flex items-center gap-1">
          <span
            className="text-[var(--c)] dark:text-[var(--d)]"
            style={{
              ['--c' as string]: TOKEN_STYLE[k].light,
              ['--d' as string]: TOKEN_STYLE[k].dark,
            }}
          >
            <Shape kind={k} />
          </span>
          {label(k)}
        </li>
      ))}
      {(['ack', 'nack'] as const).map((k) => (
        <li key={k} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="font-bold text-[var(--c)] dark:text-[var(--d)]"
            style={{
              ['--c' as string]: BADGE_STYLE[k].light,
              ['--d' as string]: BADGE_STYLE[k].dark,
            }}
          >
            {BADGE_STYLE[k].glyph}
          </span>
          {label(k)}
        </li>
      ))}
    </ul>
  );
}
