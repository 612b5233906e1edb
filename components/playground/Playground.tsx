'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from '@/i18n/navigation';
import type { Broker } from '@/server/protocol/brokers';
import EditorPane from './EditorPane';
import { freeFileName } from './fileNames';
import type { NewFileKind } from './NewFileMenu';
import PlaygroundNotice from './PlaygroundNotice';
import PlaygroundToolbar from './PlaygroundToolbar';
import ShortcutsDialog from './ShortcutsDialog';
import PlaygroundPanels from './PlaygroundPanels';
import type { TemplateOption } from './TemplatePicker';
import { useIsDark } from './useIsDark';
import { useModelValue } from './useModelRevision';
import { usePersistentWorkspace } from './usePersistentWorkspace';
import { usePlaygroundKeys } from './usePlaygroundKeys';
import { useRunner, type RunActionOutcome } from './useRunner';
import type { Pane, PlaygroundSource } from './workspace';
import type { RevealRequest, RunError } from './runErrors';

const NO_ERRORS: Readonly<Record<string, readonly RunError[]>> = {};

/** What "new producer" and "new consumer" start from, per broker: the basic template's scripts. */
export type Starters = Record<Broker, { producer: string; consumer: string }>;

interface Props {
  locale: string;
  source: PlaygroundSource;
  templates: TemplateOption[];
  starters: Starters;
  /** `?example=` named a lesson example that does not exist. */
  missingExample?: string;
}

/** The playground: wiring between the workspace, the runner and the components it composes. */
export default function Playground({ locale, source, templates, starters, missingExample }: Props) {
  const t = useTranslations('playground');
  const router = useRouter();
  const { ws, dispatch, notice, setNotice, reset } = usePersistentWorkspace(
    source,
    missingExample ? { kind: 'exampleMissing' } : null,
  );
  const [errors, setErrors] = useState<Record<string, number>>({});
  const [panel, setPanel] = useState('about');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [reveal, setReveal] = useState<RevealRequest>();
  const runner = useRunner();
  const dark = useIsDark();
  // Only errors matter here; the panels follow the rest of the run on their own.
  const runErrors = useModelValue(runner.model, (m) => m.errors, NO_ERRORS);
  const typingsUrl = `/${locale}/playground/typings.json`;

  const { start, stop } = runner;
  /** A fault or a replay the server refused (or did not answer): say why above the editor. */
  const explain = (outcome: RunActionOutcome) => {
    if (outcome.ok) return outcome;
    setNotice(
      outcome.message
        ? { kind: 'actionRefused', message: outcome.message }
        : { kind: 'actionUnanswered' },
    );
    return outcome;
  };
  const run = () => {
    setPanel('run');
    void start({ broker: ws.broker, files: ws.files }).then((outcome) => {
      if (outcome.ok) return;
      // No runtime on this server (or it refused): say so instead of failing silently.
      if (outcome.reason === 'unavailable') setNotice({ kind: 'runtimeMissing' });
      else setNotice({ kind: 'runRefused', message: outcome.message ?? '' });
    });
  };
  const mac = usePlaygroundKeys({ onRun: run, onStop: stop, onHelp: () => setShortcutsOpen(true) });

  const addFile = (pane: Pane, kind: NewFileKind) => {
    const name = freeFileName(kind === 'empty' ? 'script' : kind, ws.files);
    const body = kind === 'empty' ? '' : starters[ws.broker][kind];
    dispatch({ type: 'add', pane, file: { name, source: body } });
    return name;
  };
  const pickTemplate = (id: string) =>
    router.replace({ pathname: '/playground', query: { template: id } });
  const pickBroker = (broker: Broker) => {
    // Same scenario on the other broker when there is one (`rabbitmq-orders` → `kafka-orders`).
    const scenario = source.kind === 'template' ? source.id.slice(source.broker.length) : '-basic';
    const match =
      templates.find((o) => o.id === broker + scenario) ??
      templates.find((o) => o.id === `${broker}-basic`);
    if (match) pickTemplate(match.id);
  };

  const paneProps = {
    split: ws.layout === 'split',
    files: ws.files,
    errors,
    locale,
    dark,
    typingsUrl,
    onSelect: (pane: Pane, name: string) => dispatch({ type: 'select', pane, name }),
    onAdd: addFile,
    onRename: (from: string, to: string) => dispatch({ type: 'rename', from, to }),
    onRemove: (name: string) => dispatch({ type: 'remove', name }),
    onChange: (name: string, text: string) => dispatch({ type: 'edit', name, source: text }),
    onRun: run,
    onStop: stop,
    runErrors,
  };
  const revealLine = (file: string, line: number, column?: number) => {
    dispatch({ type: 'select', pane: 0, name: file });
    setReveal({ file, line, column, at: Date.now() });
  };

  return (
    <div
      className="flex flex-col lg:h-[calc(100dvh-3.5rem)]"
      data-testid="playground"
      data-broker={ws.broker}
      data-layout={ws.layout}
      data-run-state={runner.state}
    >
      <h1 className="sr-only">{t('heading')}</h1>
      <PlaygroundToolbar
        workspace={ws}
        templates={templates}
        templateId={source.kind === 'template' ? source.id : undefined}
        exampleTitle={source.kind === 'example' ? source.title : undefined}
        runner={runner.state}
        mac={mac}
        onBroker={pickBroker}
        onTemplate={pickTemplate}
        onLayout={(layout) => dispatch({ type: 'layout', layout })}
        onRun={run}
        onStop={stop}
        onReset={reset}
        onShortcuts={() => setShortcutsOpen(true)}
      />
      {notice && (
        <PlaygroundNotice
          notice={notice}
          locale={locale}
          missingExample={missingExample}
          onUndo={(previous) => {
            dispatch({ type: 'replace', workspace: previous });
            setNotice(null);
          }}
          onReset={reset}
          onDismiss={() => setNotice(null)}
        />
      )}
      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        <div
          className={`grid min-h-0 min-w-0 lg:flex-1 ${ws.layout === 'split' ? 'max-lg:grid-rows-2 max-lg:divide-y lg:grid-cols-2 lg:divide-x' : ''} ${expanded && panel === 'run' ? 'lg:hidden' : ''} divide-slate-200 max-lg:h-[65vh] dark:divide-slate-800`}
        >
          <EditorPane
            pane={0}
            selected={ws.active}
            onMarkers={setErrors}
            reveal={reveal}
            {...paneProps}
          />
          {ws.layout === 'split' && <EditorPane pane={1} selected={ws.secondary} {...paneProps} />}
        </div>
        <PlaygroundPanels
          source={source}
          run={runner}
          dark={dark}
          panel={panel}
          onPanel={setPanel}
          onReveal={revealLine}
          onReplay={(entry) => runner.replay(entry.msgId).then(explain)}
          onFault={(kind, target) => runner.fault({ kind, target }).then(explain)}
          expanded={expanded && panel === 'run'}
          onExpand={setExpanded}
        />
      </div>
      <ShortcutsDialog open={shortcutsOpen} mac={mac} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
