'use client';

import { useEffect, useRef, useState } from 'react';
import FlowEdgePath from './FlowEdgePath';
import FlowNodeBox, { type NodeLabels } from './FlowNodeBox';
import type { FlowModel } from './flowModel';
import { layoutFlow, type FlowLayout } from './layoutFlow';
import { TokenPainter, type ViewTransform } from './tokenPainter';

interface Props {
  model: FlowModel;
  labels: NodeLabels;
  dark: boolean;
  /** Node and edge ids to emphasise (an anomaly's or a message's path); the rest dims. */
  highlight?: ReadonlySet<string>;
  onPickNode?: (id: string) => void;
  /** Called with each frame's paint time in ms (the benchmark reads these). */
  onFrame?: (ms: number) => void;
}

/** Figures on the boxes refresh at this pace; tokens move every frame on the canvas. */
const STATS_MS = 250;

/** Below this the labels get too small to read: the graph scrolls instead of shrinking further. */
const MIN_SCALE = 0.8;
const MAX_SCALE = 1.4;

/** Scale and centre the layout in the box; `width`/`height` grow past the box when it must scroll. */
function fit(
  layout: FlowLayout,
  box: { width: number; height: number },
): ViewTransform & { width: number; height: number } {
  const fitting = Math.min(box.width / layout.width, box.height / layout.height);
  const scale = Math.min(Math.max(fitting, MIN_SCALE), MAX_SCALE);
  const width = Math.max(box.width, layout.width * scale);
  const height = Math.max(box.height, layout.height * scale);
  return {
    scale,
    width,
    height,
    dx: (width - layout.width * scale) / 2,
    dy: (height - layout.height * scale) / 2,
  };
}

/**
 * The live graph: an SVG of boxes and edges laid out by dagre (rerun only when the topology
 * grows), with a canvas on top where messages move. One requestAnimationFrame loop drains the
 * model's per-frame token groups, so the cost per frame depends on edges, not on message rate.
 */
export default function FlowView({ model, labels, dark, highlight, onPickNode, onFrame }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [layout, setLayout] = useState<FlowLayout | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [now, setNow] = useState(0);
  const latest = useRef({ dark, onFrame, size });
  useEffect(() => {
    latest.current = { dark, onFrame, size };
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const painter = new TokenPainter();
    // The last 120 paint times, published on the element for whoever measures (the benchmark).
    const paints: number[] = [];
    let version = -1;
    let placed: FlowLayout | null = null;
    let lastStats = 0;
    let raf = 0;
    const loop = (now: number) => {
      const started = performance.now();
      if (model.topology.version !== version) {
        version = model.topology.version;
        placed = layoutFlow(model.topology);
        setLayout(placed);
      }
      painter.add(model.takeFrame(), now);
      const ctx = canvas.current?.getContext('2d');
      if (ctx && placed && latest.current.size.width > 0) {
        const view = fit(placed, latest.current.size);
        const ratio = window.devicePixelRatio || 1;
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.clearRect(0, 0, view.width, view.height);
        painter.draw(ctx, placed, view, now, latest.current.dark);
      }
      const paint = performance.now() - started;
      paints.push(paint);
      if (paints.length > 120) paints.shift();
      if (now - lastStats > STATS_MS) {
        lastStats = now;
        setNow(Date.now());
        const worst = [...paints].sort((a, b) => a - b)[Math.floor(paints.length * 0.95)] ?? 0;
        container.current?.setAttribute('data-paint-p95-ms', worst.toFixed(2));
        container.current?.setAttribute('data-tokens', String(painter.live));
      }
      latest.current.onFrame?.(paint);
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [model]);

  const view = layout && size.width > 0 ? fit(layout, size) : undefined;
  const area = view ?? size;
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const lit = (id: string) => !highlight || highlight.size === 0 || highlight.has(id);
  return (
    <div
      ref={container}
      className="relative h-full min-h-40 w-full overflow-auto"
      data-testid="flow-view"
    >
      {layout && view && (
        <svg
          width={area.width}
          height={area.height}
          className="absolute left-0 top-0"
          role="img"
          aria-label={[...model.topology.nodes.values()].map((n) => n.label).join(', ')}
        >
          <defs>
            <marker
              id="flow-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="fill-slate-400 dark:fill-slate-500" />
            </marker>
            <marker
              id="flow-arrow-dead"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="fill-red-700 dark:fill-red-400" />
            </marker>
          </defs>
          <g transform={`translate(${view.dx} ${view.dy}) scale(${view.scale})`}>
            {layout.edges.map((e) => (
              <FlowEdgePath
                key={e.id}
                edge={e}
                dimmed={!lit(e.id)}
                highlighted={!!highlight?.has(e.id)}
              />
            ))}
            {layout.nodes.map((n) => (
              <FlowNodeBox
                key={n.id}
                broker={model.broker}
                node={n}
                stats={model.statsOf(n.id)}
                rate={Math.round(model.rateOf(n.id, now))}
                labels={labels}
                dimmed={!lit(n.id)}
                highlighted={!!highlight?.has(n.id)}
                onPick={onPickNode}
              />
            ))}
          </g>
        </svg>
      )}
      <canvas
        ref={canvas}
        width={Math.round(area.width * ratio)}
        height={Math.round(area.height * ratio)}
        style={{ width: area.width, height: area.height }}
        className="pointer-events-none absolute left-0 top-0"
        aria-hidden="true"
      />
    </div>
  );
}
