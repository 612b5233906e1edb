'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import AnomaliesPanel from '@/components/playground/AnomaliesPanel';
import DeadLetterPanel from '@/components/playground/DeadLetterPanel';
import InspectorPanel from '@/components/playground/InspectorPanel';
import RunPanel from '@/components/playground/RunPanel';
import type { RunSnapshot } from '@/components/playground/runSession';
import SidePanel from '@/components/playground/SidePanel';
import { useModelValue } from '@/components/playground/useModelRevision';
import { useRunSelection } from '@/components/playground/useRunSelection';
import type { CheckSnapshot } from './checkSession';

export const OUTPUT_TABS = ['report', 'liveView', 'deadLetters', 'anomalies', 'inspector'] as const;
export type OutputTab = (typeof OUTPUT_TABS)[number];

interface Props {
  tab: OutputTab;
  onTab: (tab: OutputTab) => void;
  /** This exercise's check (idle when none ran in this visit). */
  check: CheckSnapshot;
  report: ReactNode;
  /** ✓ or ✗ (with its word for screen readers) on the report tab once there is a verdict. */
  reportBadge: ReactNode;
  dark: boolean;
  onReveal: (file: string, line: number, column?: number) => void;
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
}

/** The check's output: the report, then the grading run seen through the playground's panels. */
export default function ExerciseOutput(props: Props) {
  const { tab, onTab, check, dark, expanded } = props;
  const t = useTranslations('exercises.tabs');
  const { model } = check;
  useModelValue(model, (m) => `${m.deadLetters.total}/${m.anomalies.total}`, '');
  const run: RunSnapshot = {
    state:
      check.phase === 'grading'
        ? 'running'
        : check.phase === 'queued'
          ? 'queued'
          : check.phase === 'sending' || check.phase === 'preparing'
            ? 'starting'
            : 'idle',
    runId: check.runId,
    position: check.position,
    model,
  };
  const { anomaly, message, highlight, inspect, pickAnomaly } = useRunSelection(model, {
    graph: () => onTab('liveView'),
    inspector: () => onTab('inspector'),
  });
  const badges: Partial<Record<OutputTab, ReactNode>> = {
    report: props.reportBadge || undefined,
    deadLetters: model?.deadLetters.total || undefined,
    anomalies: model?.anomalies.total || undefined,
  };
  const content: Record<OutputTab, ReactNode> = {
    report: props.report,
    liveView: (
      <RunPanel
        run={run}
        dark={dark}
        highlight={highlight}
        onReveal={props.onReveal}
        expanded={expanded}
        onExpand={props.onExpand}
      />
    ),
    // A grading run takes no replays: that is the playground's business.
    deadLetters: <DeadLetterPanel model={model} onInspect={inspect} />,
    anomalies: <AnomaliesPanel model={model} selected={anomaly?.n} onPick={pickAnomaly} />,
    inspector: <InspectorPanel model={model} selected={message} onSelect={inspect} />,
  };
  const width = expanded
    ? 'xl:flex-1'
    : tab === 'liveView'
      ? 'xl:w-[46%]'
      : 'xl:w-[420px] 2xl:w-[480px]';
  return (
    <SidePanel
      label={t('label')}
      idPrefix="output"
      testId="exercise-output"
      dense
      className={`max-xl:h-[80vh] max-xl:border-t xl:shrink-0 xl:border-l ${width}`}
      selected={tab}
      onSelect={(id) => onTab(id as OutputTab)}
      panels={OUTPUT_TABS.map((id) => ({
        id,
        title: t(id),
        badge: badges[id],
        content: content[id],
      }))}
    />
  );
}
