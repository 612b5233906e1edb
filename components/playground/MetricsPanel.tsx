'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import type { FlowModel } from '@/components/flow/flowModel';
import MetricChart from '@/components/flow/MetricChart';
import type { MetricsPoint } from '@/components/flow/metricsPoint';
import { useModelValue } from './useModelRevision';

interface Props {
  model: FlowModel | undefined;
  dark: boolean;
}

type Column = (number | null)[];

/** Columns for uPlot: x, then one per field (null where the second had no value). */
function columns(points: MetricsPoint[], fields: (keyof MetricsPoint)[]): [number[], ...Column[]] {
  return [
    points.map((p) => p.t),
    ...fields.map((f) =>
      points.map((p) => (p[f] === undefined ? null : Math.round(p[f]! * 10) / 10)),
    ),
  ];
}

/**
 * The run's figures over time, one point a second from the `metrics` events: throughput,
 * produce → delivery latency, and the broker's own backlog (depth, lag or pending).
 * Loaded with the panel, so uPlot stays out of the page until someone opens it.
 */
export default function MetricsPanel({ model, dark }: Props) {
  const t = useTranslations('playground.metrics');
  const count = useModelValue(model, (m) => m.metrics.total, 0);
  const points = useMemo(() => (model && count ? model.metrics.toArray() : []), [model, count]);
  if (!model || points.length === 0)
    return <p className="p-4 text-sm text-slate-500">{t('empty')}</p>;
  const now = points.at(-1)!;
  const colours = dark
    ? { a: '#60a5fa', b: '#4ade80', c: '#fbbf24' }
    : { a: '#2563eb', b: '#15803d', c: '#b45309' };
  return (
    <div className="space-y-4 p-3" data-testid="metrics" data-points={points.length}>
      <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="metrics-now">
        {t('now', {
          published: Math.round(now.published),
          delivered: Math.round(now.delivered),
          p95: now.p95 === undefined ? '–' : Math.round(now.p95),
          backlog: now.backlog ?? '–',
        })}
      </p>
      <MetricChart
        title={t('rate')}
        unit={t('perSecond')}
        dark={dark}
        series={[
          { label: t('published'), colour: colours.a },
          { label: t('delivered'), colour: colours.b, dash: [6, 3] },
          { label: t('acked'), colour: colours.c, dash: [2, 3] },
        ]}
        data={columns(points, ['published', 'delivered', 'acked'])}
      />
      <MetricChart
        title={t('latency')}
        unit="ms"
        dark={dark}
        series={[
          { label: 'p50', colour: colours.a },
          { label: 'p95', colour: colours.c, dash: [6, 3] },
        ]}
        data={columns(points, ['p50', 'p95'])}
      />
      <MetricChart
        title={t(`backlog.${model.broker}`)}
        unit={t('messages')}
        dark={dark}
        series={[{ label: t('backlogSeries'), colour: colours.b }]}
        data={columns(points, ['backlog'])}
      />
      <p className="text-xs text-slate-500">{t('source')}</p>
    </div>
  );
}
