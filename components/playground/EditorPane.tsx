'use client';

import { useTranslations } from 'next-intl';
import CodeEditor from './CodeEditor';
import FileTabs from './FileTabs';
import type { NewFileKind } from './NewFileMenu';
import type { RevealRequest, RunError } from './runErrors';
import type { Pane, PlaygroundFile } from './workspace';

export interface EditorPaneProps {
  pane: Pane;
  /** Two panes side by side get numbered labels. */
  split: boolean;
  files: PlaygroundFile[];
  selected: string;
  errors: Record<string, number>;
  locale: string;
  dark: boolean;
  typingsUrl: string;
  onSelect: (pane: Pane, name: string) => void;
  onAdd: (pane: Pane, kind: NewFileKind) => string | undefined;
  onRename: (from: string, to: string) => void;
  onRemove: (name: string) => void;
  onChange: (name: string, source: string) => void;
  onRun: () => void;
  onStop: () => void;
  onMarkers?: (errors: Record<string, number>) => void;
  /** Errors the last run located in the files, drawn as markers. */
  runErrors: Readonly<Record<string, readonly RunError[]>>;
  reveal?: RevealRequest;
}

/** One editor with its file tabs. */
export default function EditorPane(props: EditorPaneProps) {
  const { pane, split, files, selected } = props;
  const t = useTranslations('playground');
  const label = split
    ? `${t('files.label')} · ${t('files.pane', { n: pane + 1 })}`
    : t('files.label');
  return (
    <section className="flex min-h-0 min-w-0 flex-col" aria-label={label} data-pane={pane}>
      <FileTabs
        files={files}
        selected={selected}
        errors={props.errors}
        label={label}
        compact={split}
        onSelect={(name) => props.onSelect(pane, name)}
        onAdd={(kind) => props.onAdd(pane, kind)}
        onRename={props.onRename}
        onRemove={props.onRemove}
      />
      <div role="tabpanel" aria-label={selected} className="min-h-0 flex-1">
        <CodeEditor
          name={selected}
          files={files}
          locale={props.locale}
          dark={props.dark}
          label={t('editor.label', { name: selected })}
          typingsUrl={props.typingsUrl}
          loadingText={t('editor.loading')}
          failedText={t('editor.failed')}
          onChange={props.onChange}
          onRun={props.onRun}
          onStop={props.onStop}
          onMarkers={props.onMarkers}
          runErrors={props.runErrors}
          reveal={props.reveal}
        />
      </div>
    </section>
  );
}
