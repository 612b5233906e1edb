'use client';

import { lazy, Suspense } from 'react';
import { useTranslations } from 'next-intl';
import type { DeadLetterEntry } from '@/components/flow/flowModel';
import type { FaultKind } from '@/server/protocol/run';
import AboutPanel from './AboutPanel';
import AnomaliesPanel from './AnomaliesPanel';
import DeadLetterPanel from './DeadLetterPanel';
import InspectorPanel from './InspectorPanel';
import RunPanel from './RunPanel';
import type { RunActionOutcome, RunSnapshot } from './runSession';
import SidePanel from './SidePanel';
import { useModelValue } from './useModelRevision';
import { useRunSelection } from './useRunSelection';
import type { PlaygroundSource } from './workspace';

const WIDTHS = { column: 'lg:w-[400px] xl:w-[480px]', half: 'lg:w-1/2', full: 'lg:flex-1' };

// uPlot comes with the metrics tab, not with the page.
const MetricsPanel = lazy(() => import('./MetricsPanel'));

interface Props {
  source: PlaygroundSource;
  run: RunSnapshot;
  dark: boolean;
  panel: string;
  onPanel: (id: string) => void;
  onReveal: (file: string, line: number, column?: number) => void;
  onReplay: (entry: DeadLetterEntry) => Promise<RunActionOutcome>;
  onFault: (kind: FaultKind, target: string) => Promise<RunActionOutcome>;
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
}

/** The side panels and what links them: an anomaly or a message picked in one lights up its path in the graph. */
export default function PlaygroundPanels({
  source,
  run,
  dark,
  panel,
  onPanel,
  onReveal,
  onReplay,
  onFault,
  expanded,
  onExpand,
}: Props) {
  const t = useTranslations('playground.panel');
  const { model } = run;
  // The tab badges: re-render when a count changes, not on every batch.
  useModelValue(
    model,
    (m) => `${m.deadLetters.total}/${m.anomalies.total}/${m.topology.version}`,
    '',
  );
  const { anomaly, message, highlight, inspect, pickAnomaly } = useRunSelection(model, {
    graph: () => onPanel('run'),
    inspector: () => onPanel('inspector'),
  });
  return (
    <SidePanel
      selected={panel}
      onSelect={onPanel}
      label={t('label')}
      className={`max-lg:min-h-[32rem] max-lg:border-t lg:border-l ${WIDTHS[expanded ? 'full' : panel === 'run' ? 'half' : 'column']}`}
      panels={[
        { id: 'about', title: t('about'), content: <AboutPanel source={source} /> },
        {
          id: 'run',
          title: t('liveView'),
          content: (
            <RunPanel
              run={run}
              dark={dark}
              highlight={highlight}
              onReveal={onReveal}
              onFault={onFault}
              expanded={expanded}
              onExpand={onExpand}
            />
          ),
        },
        {
          id: 'dead-letters',
          title: t('deadLetters'),
          badge: model?.deadLetters.total,
          content: (
            <DeadLetterPanel
              model={model}
              live={run.state === 'running'}
              onReplay={onReplay}
              onInspect={inspect}
            />
          ),
        },
        {
          id: 'anomalies',
          title: t('anomalies'),
          badge: model?.anomalies.total,
          content: <AnomaliesPanel model={model} selected={anomaly?.n} onPick={pickAnomaly} />,
        },
        {
          id: 'metrics',
          title: t('metrics'),
          content: (
            <Suspense fallback={<p className="p-4 text-sm text-slate-500">…</p>}>
              <MetricsPanel model={model} dark={dark} />
            </Suspense>
          ),
        },
        {
          id: 'inspector',
          title: t('inspector'),
          content: <InspectorPanel model={model} selected={message} onSelect={inspect} />,
        },
      ]}
    />
  );
}
