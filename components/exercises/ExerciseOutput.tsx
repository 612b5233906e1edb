'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { AnomalyEntry } from '@/components/flow/flowModel';
import AnomaliesPanel from '@/components/playground/AnomaliesPanel';
import DeadLetterPanel from '@/components/playground/DeadLetterPanel';
import InspectorPanel from '@/components/playground/InspectorPanel';
import RunPanel from '@/components/playground/RunPanel';
import type { RunSnapshot } from '@/components/playground/runSession';
import { useModelValue } from '@/components/playground/useModelRevision';
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
  const [anomaly, setAnomaly] = useState<AnomalyEntry>();
  const [message, setMessage] = useState<string>();
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
  const highlight = !model
    ? undefined
    : anomaly
      ? model.pathOf([anomaly.msgId, ...anomaly.relatedMsgIds])
      : message
        ? model.pathOf([message])
        : undefined;
  const inspect = (msgId: string) => {
    setAnomaly(undefined);
    setMessage(msgId);
    onTab('inspector');
  };
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
    anomalies: (
      <AnomaliesPanel
        model={model}
        selected={anomaly?.n}
        onPick={(a) => {
          setMessage(undefined);
          setAnomaly(a);
          if (a) onTab('liveView');
        }}
      />
    ),
    inspector: <InspectorPanel model={model} selected={message} onSelect={inspect} />,
  };
  const width = expanded
    ? 'xl:flex-1'
    : tab === 'liveView'
      ? 'xl:w-[46%]'
      : 'xl:w-[420px] 2xl:w-[480px]';
  return (
    <aside
      aria-label={t('label')}
      className={`flex min-h-0 flex-col border-slate-200 bg-white max-xl:h-[80vh] max-xl:border-t xl:shrink-0 xl:border-l dark:border-slate-800 dark:bg-slate-950 ${width}`}
      data-testid="exercise-output"
    >
      <div
        role="tablist"
        aria-label={t('label')}
        className="flex shrink-0 overflow-x-auto border-b border-slate-200 px-2 dark:border-slate-800"
      >
        {OUTPUT_TABS.map((id, i) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`output-tab-${id}`}
            aria-selected={id === tab}
            aria-controls="output-panel"
            tabIndex={id === tab ? 0 : -1}
            onClick={() => onTab(id)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = OUTPUT_TABS[(i + step + OUTPUT_TABS.length) % OUTPUT_TABS.length]!;
              onTab(next);
              document.getElementById(`output-tab-${next}`)?.focus();
            }}
            className={`whitespace-nowrap border-b-2 px-1.5 py-2 text-[13px] ${id === tab ? 'border-brand-600 font-medium text-slate-900 dark:border-brand-500 dark:text-white' : 'border-transparent text-slate-500 hover:text-slate-900 dark:hover:text-white'}`}
          >
            {t(id)}
            {badges[id] !== undefined && (
              <span className="ml-1 rounded-full bg-slate-200 px-1.5 text-xs dark:bg-slate-700">
                {badges[id]}
              </span>
            )}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="output-panel"
        aria-labelledby={`output-tab-${tab}`}
        className="min-h-0 flex-1 overflow-auto"
      >
        {content[tab]}
      </div>
    </aside>
  );
}
