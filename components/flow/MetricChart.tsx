'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  colour: string;
  /** Dashes tell series apart without colour. */
  dash?: number[];
}

interface Props {
  title: string;
  unit: string;
  series: ChartSeries[];
  /** uPlot's columns: x (seconds since the epoch), then one array per series (null = no value). */
  data: uPlot.AlignedData;
  dark: boolean;
  height?: number;
}

/**
 * One live time-series chart (uPlot: canvas, a few kB, redraws thousands of points in well under
 * a millisecond). Created once per series layout and colour scheme; new data only calls setData.
 */
export default function MetricChart({ title, unit, series, data, dark, height = 130 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot>(null);
  const latest = useRef(data);
  const layout = JSON.stringify(series);

  // Before the chart is made (effects run in order): a new chart starts from the newest data.
  useEffect(() => {
    latest.current = data;
    chart.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const axis = dark ? '#cbd5e1' : '#475569';
    const grid = dark ? '#1e293b' : '#e2e8f0';
    const parsed = JSON.parse(layout) as ChartSeries[];
    const plot = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          {
            stroke: axis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            // Points are a second apart: whole-second ticks only.
            incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300],
          },
          {
            stroke: axis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            size: 48,
            label: unit,
            labelSize: 14,
          },
        ],
        series: [
          {},
          ...parsed.map((s) => ({
            label: s.label,
            stroke: s.colour,
            width: 2,
            ...(s.dash ? { dash: s.dash } : {}),
            spanGaps: false,
          })),
        ],
      },
      latest.current,
      el,
    );
    chart.current = plot;
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(200, el.clientWidth), height }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [layout, dark, unit, height]);

  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-semibold">{title}</figcaption>
      <div ref={box} className="mq-chart" role="img" aria-label={title} />
    </figure>
  );
}
