'use client';

import { lazy, Suspense } from 'react';
import { useTranslations } from 'next-intl';
import FlowLegend from '@/components/flow/FlowLegend';
import type { FaultKind } from '@/server/protocol/run';
import ConsolePanel from './ConsolePanel';
import FaultBar from './FaultBar';
import type { RunActionOutcome, RunSnapshot } from './runSession';
import { useModelRevision } from './useModelRevision';

// The graph (dagre, the canvas painter) loads with the first run, not with the page.
const FlowView = lazy(() => import('@/components/flow/FlowView'));

interface Props {
  run: RunSnapshot;
  dark: boolean;
  highlight?: ReadonlySet<string>;
  onReveal: (file: string, line: number, column?: number) => void;
  onFrame?: (ms: number) => void;
  /** Without it (exercise grading runs) there are no fault buttons. */
  onFault?: (kind: FaultKind, target: string) => Promise<RunActionOutcome>;
  /** The live view fills the page (the editor hides) while true. */
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
}

/**
 * The run as it happens: status and exact totals, the live graph with its legend, the fault
 * buttons and the console. The metric charts have their own tab (MetricsPanel).
 */
export default function RunPanel({
  run,
  dark,
  highlight,
  onReveal,
  onFrame,
  onFault,
  expanded,
  onExpand,
}: Props) {
  const t = useTranslations('playground');
  const { model } = run;
  useModelRevision(model);
  const total = (k: string) => model?.totals.get(k) ?? 0;
  const status =
    run.state === 'queued'
      ? t('run.queued', { position: run.position ?? 1 })
      : run.state !== 'idle'
        ? t(`run.${run.state}`)
        : model?.ended
          ? t('run.ended', { message: model.ended.message })
          : t('run.idle');
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div
        className="border-b border-slate-200 px-3 py-2 text-xs dark:border-slate-800"
        data-testid="run-status"
        data-state={run.state}
      >
        <button
          type="button"
          onClick={() => onExpand(!expanded)}
          aria-pressed={expanded}
          className="float-right hidden rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 lg:block dark:border-slate-700 dark:hover:bg-slate-800"
          data-testid="expand-live-view"
        >
          {expanded ? `⇤ ${t('run.collapse')}` : `⤢ ${t('run.expand')}`}
        </button>
        <p role="status" className="font-medium">
          {run.state === 'running' && (
            <span
              aria-hidden="true"
              className="mr-1 inline-block size-2 animate-pulse rounded-full bg-green-600"
            />
          )}
          {status}
        </p>
        {model && (
          <p className="mt-0.5 text-slate-600 dark:text-slate-300" data-testid="run-totals">
            {t('run.totals', {
              produce: total('produce'),
              deliver: total('deliver'),
              ack: total('ack'),
              nack: total('nack'),
              requeue: total('requeue'),
              dead: total('dead-letter'),
            })}
          </p>
        )}
      </div>
      <section
        aria-label={t('flow.graphLabel')}
        className="flex min-h-56 flex-1 flex-col"
        data-slot="live-view"
      >
        {model ? (
          <Suspense fallback={<div className="flex-1" />}>
            <FlowView
              model={model}
              dark={dark}
              highlight={highlight}
              onFrame={onFrame}
              labels={{
                kind: (k) => t(`flow.kinds.${k}`),
                inFlight: (n) => t('flow.inFlight', { n }),
                pending: (n) => t('flow.pending', { n }),
                lag: (n) => t('flow.lag', { n }),
                perSecond: (n) => t('flow.perSecond', { n }),
              }}
            />
          </Suspense>
        ) : (
          <div className="m-4 grid flex-1 place-items-center rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
            {t('run.noRunYet')}
          </div>
        )}
        <FlowLegend title={t('flow.legend.title')} label={(k) => t(`flow.legend.${k}`)} />
      </section>
      {onFault && (
        <FaultBar
          model={model}
          scripts={run.scripts ?? []}
          running={run.state === 'running'}
          onFault={onFault}
        />
      )}
      <section
        aria-label={t('panel.console')}
        className="h-44 shrink-0 border-t border-slate-200 dark:border-slate-800"
        data-slot="console"
      >
        <ConsolePanel model={model} onReveal={onReveal} />
      </section>
    </div>
  );
}
