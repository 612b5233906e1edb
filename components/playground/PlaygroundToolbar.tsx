'use client';

import { useTranslations } from 'next-intl';
import { BROKER_LABELS, BROKERS, type Broker } from '@/server/protocol/brokerNames';
import { BUTTON, PRIMARY_BUTTON } from './buttonStyles';
import SegmentedControl from './SegmentedControl';
import ShareButton from './ShareButton';
import TemplatePicker, { type TemplateOption } from './TemplatePicker';
import type { RunnerState } from './useRunner';
import { LAYOUTS, type Layout, type Workspace } from './workspace';

interface Props {
  workspace: Workspace;
  templates: TemplateOption[];
  templateId: string | undefined;
  exampleTitle?: string;
  runner: RunnerState;
  mac: boolean;
  onBroker: (broker: Broker) => void;
  onTemplate: (id: string) => void;
  onLayout: (layout: Layout) => void;
  onRun: () => void;
  onStop: () => void;
  onReset: () => void;
  onShortcuts: () => void;
}

/** Broker, template, run/stop, layout, share, reset and the shortcut list, in one wrapping row. */
export default function PlaygroundToolbar(props: Props) {
  const t = useTranslations('playground.toolbar');
  const { workspace, runner, mac } = props;
  const running = runner !== 'idle';
  return (
    <div
      role="toolbar"
      aria-label={t('label')}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800"
    >
      <SegmentedControl
        legend={t('broker')}
        name="broker"
        value={workspace.broker}
        options={BROKERS.map((b) => ({
          value: b,
          label: b === 'redis' ? 'Redis' : BROKER_LABELS[b],
        }))}
        onChange={props.onBroker}
      />
      <TemplatePicker
        broker={workspace.broker}
        templates={props.templates}
        current={props.templateId}
        exampleTitle={props.exampleTitle}
        onPick={props.onTemplate}
      />
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={props.onRun}
          disabled={running}
          className={PRIMARY_BUTTON}
          aria-keyshortcuts={mac ? 'Meta+Enter' : 'Control+Enter'}
          data-testid="run-button"
        >
          <span aria-hidden="true">▶</span>
          {t('run')}
          <kbd className="hidden font-sans text-xs font-normal opacity-75 2xl:inline">
            {mac ? '⌘↵' : 'Ctrl+↵'}
          </kbd>
        </button>
        <button
          type="button"
          onClick={props.onStop}
          disabled={!running}
          className={BUTTON}
          aria-keyshortcuts={mac ? 'Meta+Shift+Enter' : 'Control+Shift+Enter'}
        >
          <span aria-hidden="true">■</span>
          {t('stop')}
        </button>
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <SegmentedControl
          legend={t('layout')}
          name="layout"
          value={workspace.layout}
          options={LAYOUTS.map((l) => ({
            value: l,
            label: l === 'tabs' ? t('layoutTabs') : t('layoutSplit'),
          }))}
          onChange={props.onLayout}
        />
        <ShareButton workspace={workspace} className={BUTTON} />
        <button
          type="button"
          onClick={props.onReset}
          className={BUTTON}
          title={t('resetHint')}
          data-testid="reset-button"
        >
          {t('reset')}
        </button>
        <button
          type="button"
          onClick={props.onShortcuts}
          className={BUTTON}
          aria-keyshortcuts="Shift+?"
          data-testid="shortcuts-button"
        >
          <span aria-hidden="true">⌨</span>
          <span className="sr-only sm:not-sr-only">{t('shortcuts')}</span>
        </button>
      </div>
    </div>
  );
}
