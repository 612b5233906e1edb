import type { Broker } from '@/server/protocol/brokers';
import type { NodeStats } from './flowModel';
import type { PlacedNode } from './layoutFlow';

export interface NodeLabels {
  kind: (kind: PlacedNode['kind']) => string;
  inFlight: (n: number) => string;
  /** Redis: delivered and not acked is the group's pending entries list. */
  pending: (n: number) => string;
  lag: (n: number) => string;
  perSecond: (n: number) => string;
}

/** One box: the kind in small caps, the name, and its live figures. Dead-letter nodes get a dashed double border and ☠. */
export default function FlowNodeBox({
  broker,
  node,
  stats,
  rate,
  labels,
  dimmed,
  highlighted,
  onPick,
}: {
  broker: Broker;
  node: PlacedNode;
  stats: NodeStats;
  rate: number;
  labels: NodeLabels;
  dimmed: boolean;
  highlighted: boolean;
  onPick?: (id: string) => void;
}) {
  const left = node.x - node.width / 2;
  const top = node.y - node.height / 2;
  const figures =
    node.kind === 'script'
      ? [
          stats.out ? `↗ ${stats.out}` : '',
          stats.ack ? `✓ ${stats.ack}` : '',
          stats.nack ? `✕ ${stats.nack}` : '',
          stats.requeue ? `↺ ${stats.requeue}` : '',
        ]
      : [
          rate ? labels.perSecond(rate) : '',
          stats.inFlight
            ? (broker === 'redis' ? labels.pending : labels.inFlight)(stats.inFlight)
            : '',
          stats.lag ? labels.lag(stats.lag) : '',
          stats.deadLettered ? `☠ ${stats.deadLettered}` : '',
        ];
  // Kafka topics list their partitions instead: how keys spread is what the learner looks for.
  const partitions = stats.partitions
    ? Object.entries(stats.partitions)
        .map(([p, n]) => `p${p}:${n}`)
        .join(' ')
    : '';
  const line =
    partitions || figures.filter(Boolean).join(' · ') || (node.deadLetter ? `☠ ${stats.in}` : '');
  const caption = [labels.kind(node.kind), node.detail].filter(Boolean).join(' · ');
  return (
    <g
      data-node={node.id}
      data-kind={node.kind}
      opacity={dimmed ? 0.35 : 1}
      onClick={onPick ? () => onPick(node.id) : undefined}
      className={onPick ? 'cursor-pointer' : undefined}
    >
      <title>{`${caption}: ${node.label}${line ? ` — ${line}` : ''}`}</title>
      <rect
        x={left}
        y={top}
        width={node.width}
        height={node.height}
        rx={node.kind === 'script' ? 14 : 4}
        className={
          node.deadLetter
            ? 'fill-red-50 stroke-red-700 dark:fill-red-950 dark:stroke-red-400'
            : node.kind === 'script'
              ? 'fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500'
              : 'fill-brand-50 stroke-brand-600 dark:fill-slate-800 dark:stroke-brand-500'
        }
        strokeWidth={highlighted ? 3 : 1.5}
        strokeDasharray={node.deadLetter ? '5 3' : undefined}
      />
      <text
        x={left + 10}
        y={top + 16}
        className="fill-slate-500 text-[10px] font-semibold uppercase tracking-wider dark:fill-slate-400"
      >
        {node.deadLetter ? `☠ ${caption}` : caption}
      </text>
      <text
        x={left + 10}
        y={top + 34}
        className="fill-slate-900 font-mono text-[13px] font-semibold dark:fill-white"
      >
        {node.label.length > 19 ? `${node.label.slice(0, 18)}…` : node.label}
      </text>
      <text x={left + 10} y={top + 52} className="fill-slate-600 text-[11px] dark:fill-slate-300">
        {line}
      </text>
    </g>
  );
}
