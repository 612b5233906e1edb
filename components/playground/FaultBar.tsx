'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { FlowModel } from '@/components/flow/flowModel';
import { FAULT_KINDS, type FaultKind } from '@/server/protocol/run';
import type { RunActionOutcome } from './runSession';
import { useModelValue } from './useModelRevision';

interface Props {
  model: FlowModel | undefined;
  /** The run's scripts; empty until it started. */
  scripts: readonly string[];
  running: boolean;
  onFault: (kind: FaultKind, target: string) => Promise<RunActionOutcome>;
}

/** A symbol per fault, so the buttons do not rely on their colour or their words alone. */
const ICONS: Record<FaultKind, string> = {
  kill: '✕',
  restart: '↻',
  pause: '‖',
  resume: '▶',
  slow: '≈',
  drop: '⚡',
  poison: '☣',
  duplicate: '⇉',
};
const SCRIPT_FAULTS = (Object.keys(FAULT_KINDS) as FaultKind[]).filter(
  (k) => FAULT_KINDS[k] === 'script',
);
const DESTINATION_FAULTS = (Object.keys(FAULT_KINDS) as FaultKind[]).filter(
  (k) => FAULT_KINDS[k] === 'destination',
);

const SMALL =
  'inline-flex cursor-pointer items-center gap-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';
const SELECT =
  'max-w-40 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900';

/**
 * Fault buttons for the live run: act on one script (kill, restart, pause, resume, slow, drop
 * its connections) or one destination (poison, duplicate). What was done comes back in the
 * trace as a `fault` event; the newest is shown here.
 */
export default function FaultBar({ model, scripts, running, onFault }: Props) {
  const t = useTranslations('playground.faults');
  const destinationsSeen = useModelValue(model, (m) => m.destinations.size, 0);
  const lastFault = useModelValue(model, (m) => m.faults.total, 0);
  const destinations = model ? [...model.destinations] : [];
  const [script, setScript] = useState('');
  const [destination, setDestination] = useState('');
  const [busy, setBusy] = useState<FaultKind>();
  const scriptTarget = scripts.includes(script) ? script : defaultScript(scripts, model);
  const destinationTarget = destinations.includes(destination) ? destination : destinations[0];
  const latest = lastFault && model ? model.faults.toArray().at(-1) : undefined;

  const fire = (kind: FaultKind, target: string | undefined) => {
    if (!target) return;
    setBusy(kind);
    void onFault(kind, target).finally(() => setBusy(undefined));
  };
  const button = (kind: FaultKind, target: string | undefined) => (
    <button
      key={kind}
      type="button"
      className={SMALL}
      disabled={!running || !target || busy !== undefined}
      aria-busy={busy === kind}
      title={t(`hint.${kind}`)}
      data-fault={kind}
      onClick={() => fire(kind, target)}
    >
      <span aria-hidden="true">{ICONS[kind]}</span>
      {t(`kind.${kind}`)}
    </button>
  );

  return (
    <section
      aria-label={t('label')}
      className="space-y-1 border-t border-slate-200 px-3 py-2 dark:border-slate-800"
      data-testid="fault-bar"
    >
      <FaultRow
        id="fault-script"
        label={t('script')}
        options={scripts}
        value={scriptTarget}
        disabled={!running}
        onChange={setScript}
      >
        {SCRIPT_FAULTS.map((k) => button(k, scriptTarget))}
      </FaultRow>
      <FaultRow
        id="fault-destination"
        label={t('destination')}
        options={destinations}
        value={destinationTarget}
        disabled={!running || destinationsSeen === 0}
        onChange={setDestination}
      >
        {DESTINATION_FAULTS.map((k) => button(k, destinationTarget))}
      </FaultRow>
      <p className="text-xs text-slate-600 dark:text-slate-300" aria-live="polite">
        {latest
          ? t('last', {
              kind: t(`kind.${latest.kind as FaultKind}`),
              target: latest.target ?? '',
              time: new Date(latest.ts).toLocaleTimeString(),
            })
          : running
            ? t('ready')
            : t('idle')}
      </p>
    </section>
  );
}

/** A target picker and the faults that act on it. */
function FaultRow(props: {
  id: string;
  label: string;
  options: readonly string[];
  value: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1">
      <label className="mr-1 text-xs font-medium" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        className={SELECT}
        value={props.value ?? ''}
        disabled={props.disabled || props.options.length === 0}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      {props.children}
    </div>
  );
}

/** Faults mostly teach about consumers: start with the first script that received messages. */
function defaultScript(scripts: readonly string[], model: FlowModel | undefined) {
  return (
    scripts.find((s) => (model?.statsOf(`script:${s}`).in ?? 0) > 0) ??
    scripts.find((s) => !/produc|publish|shop|checkout/i.test(s)) ??
    scripts[0]
  );
}
