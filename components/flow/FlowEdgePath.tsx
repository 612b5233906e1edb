import type { PlacedEdge } from './layoutFlow';

/** An edge as a polyline (tokens follow the same points); dead-letter edges dashed, retries dotted. */
export default function FlowEdgePath({
  edge,
  dimmed,
  highlighted,
}: {
  edge: PlacedEdge;
  dimmed: boolean;
  highlighted: boolean;
}) {
  if (edge.points.length < 2) return null;
  const d = edge.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
  const mid = edge.points[Math.floor(edge.points.length / 2)]!;
  const dead = edge.kind === 'dead-letter';
  const label = dead && edge.label ? `☠ ${edge.label}` : edge.label;
  return (
    <g data-edge={edge.id} opacity={dimmed ? 0.25 : 1}>
      <path
        d={d}
        fill="none"
        markerEnd={dead ? 'url(#flow-arrow-dead)' : 'url(#flow-arrow)'}
        strokeWidth={highlighted ? 3 : 1.5}
        strokeDasharray={dead ? '6 4' : edge.kind === 'retry' ? '2 4' : undefined}
        className={
          dead ? 'stroke-red-700 dark:stroke-red-400' : 'stroke-slate-400 dark:stroke-slate-500'
        }
      />
      {label && (
        <text
          x={mid.x}
          y={mid.y - 6}
          textAnchor="middle"
          className={`text-[10px] ${dead ? 'fill-red-700 dark:fill-red-300' : 'fill-slate-500 dark:fill-slate-400'}`}
        >
          {label}
        </text>
      )}
    </g>
  );
}
