import { graphlib, layout } from '@dagrejs/dagre';
import type { FlowEdge, FlowNode, Topology } from './topology';

export interface Point {
  x: number;
  y: number;
}
export interface PlacedNode extends FlowNode {
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface PlacedEdge extends FlowEdge {
  points: Point[];
}
export interface FlowLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 156;
export const NODE_HEIGHT = 62;
const MARGIN = 16;

/** Left to right: producers, broker entities, consumers; dagre picks ranks and order (cycles from retries included). */
export function layoutFlow(topology: Topology): FlowLayout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 52, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of topology.nodes.values())
    g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of topology.edges.values()) {
    // Dead-letter and retry edges should not pull their ends into the main line.
    const minor = edge.kind === 'retry';
    g.setEdge(edge.from, edge.to, { weight: minor ? 0 : 2, minlen: 1 }, edge.id);
  }
  layout(g);
  const nodes = [...topology.nodes.values()].map((n) => {
    const { x, y } = g.node(n.id) as { x: number; y: number };
    return { ...n, x, y, width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const edges = [...topology.edges.values()].map((e) => {
    const points = (
      (g.edge({ v: e.from, w: e.to, name: e.id }) as { points?: Point[] } | undefined)?.points ?? []
    ).map((p) => ({ x: p.x, y: p.y }));
    return { ...e, points };
  });
  const { width = 0, height = 0 } = g.graph() as { width?: number; height?: number };
  return { nodes, edges, width: Math.max(width, 1), height: Math.max(height, 1) };
}

/** A point `t` (0..1) of the way along a polyline, for tokens moving on an edge. */
export function pointAlong(points: readonly Point[], t: number): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  if (points.length === 1 || t <= 0) return points[0]!;
  let total = 0;
  const lengths: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const d = Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
    lengths.push(d);
    total += d;
  }
  let target = Math.min(t, 1) * total;
  for (let i = 0; i < lengths.length; i++) {
    if (target <= lengths[i]! || i === lengths.length - 1) {
      const f = lengths[i]! === 0 ? 0 : Math.min(1, target / lengths[i]!);
      return {
        x: points[i]!.x + (points[i + 1]!.x - points[i]!.x) * f,
        y: points[i]!.y + (points[i + 1]!.y - points[i]!.y) * f,
      };
    }
    target -= lengths[i]!;
  }
  return points[points.length - 1]!;
}
