'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import Editor, { type Monaco, type OnMount } from '@monaco-editor/react';
import { configureMonacoLoader, configureTypeScript, modelPath } from './monacoSetup';
import type { RevealRequest, RunError } from './runErrors';
import type { PlaygroundFile } from './workspace';

export interface MonacoEditorProps {
  /** The file this editor shows. */
  name: string;
  /** Every file of the workspace: each gets a model, so errors are known for unopened tabs too. */
  files: PlaygroundFile[];
  locale: string;
  dark: boolean;
  label: string;
  typingsUrl: string;
  placeholder: ReactNode;
  onChange: (name: string, source: string) => void;
  onRun: () => void;
  onStop: () => void;
  /** Error counts per file name; only one editor on the page needs to report them. */
  onMarkers?: (errors: Record<string, number>) => void;
  /** Errors the last run located in the files, drawn as markers of their own. */
  runErrors?: Readonly<Record<string, readonly RunError[]>>;
  /** Show and select this line, when it is in this editor's file. */
  reveal?: RevealRequest;
}

const RUN_MARKERS = 'mqlab-run';

const FONT = "ui-monospace, 'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, monospace";

/** Creates, updates and disposes models so they mirror the workspace's files exactly. */
function syncModels(monaco: Monaco, files: PlaygroundFile[]) {
  const wanted = new Map(files.map((f) => [modelPath(f.name), f.source]));
  for (const model of monaco.editor.getModels()) {
    const uri = model.uri.toString();
    if (!/^file:\/\/\/[^/]+\.ts$/.test(uri)) continue; // libraries live under node_modules/
    const source = wanted.get(uri);
    if (source === undefined) model.dispose();
    // An edit operation, not setValue: "reset" stays undoable with Ctrl+Z.
    else if (model.getValue() !== source)
      model.pushEditOperations(
        [],
        [{ range: model.getFullModelRange(), text: source }],
        () => null,
      );
  }
  for (const [uri, source] of wanted) {
    if (!monaco.editor.getModel(monaco.Uri.parse(uri)))
      monaco.editor.createModel(source, 'typescript', monaco.Uri.parse(uri));
  }
}

function countErrors(monaco: Monaco, files: PlaygroundFile[]): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const f of files) {
    const markers = monaco.editor.getModelMarkers({
      resource: monaco.Uri.parse(modelPath(f.name)),
    });
    errors[f.name] = markers.filter((m) => m.severity === monaco.MarkerSeverity.Error).length;
  }
  return errors;
}

/** Monaco with TypeScript that knows amqplib, kafkajs, nsqjs and ioredis. Loaded lazily. */
export default function MonacoEditor(props: MonacoEditorProps) {
  const { name, files, locale, dark, label, typingsUrl, placeholder } = props;
  configureMonacoLoader(locale); // before the first editor mounts; a no-op afterwards
  const latest = useRef(props);
  const monacoRef = useRef<Monaco | null>(null);
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const { runErrors, reveal } = props;
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (monacoRef.current) syncModels(monacoRef.current, files);
  }, [files]);

  useEffect(() => {
    const monaco = monacoRef.current;
    if (!monaco) return;
    for (const f of files) {
      const model = monaco.editor.getModel(monaco.Uri.parse(modelPath(f.name)));
      if (!model) continue;
      const markers = (runErrors?.[f.name] ?? []).map((e) => ({
        severity: monaco.MarkerSeverity.Error,
        message: e.message,
        startLineNumber: e.line,
        startColumn: e.column ?? 1,
        endLineNumber: e.line,
        endColumn: e.column
          ? e.column + 1
          : model.getLineMaxColumn(Math.min(e.line, model.getLineCount())),
        source: 'run',
      }));
      monaco.editor.setModelMarkers(model, RUN_MARKERS, markers);
    }
  }, [files, runErrors]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || reveal.file !== name) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column ?? 1 });
    editor.focus();
  }, [reveal, name]);

  const onMount: OnMount = (editor, monaco) => {
    monacoRef.current = monaco;
    editorRef.current = editor;
    syncModels(monaco, latest.current.files);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () =>
      latest.current.onStop(),
    );
    const report = () => latest.current.onMarkers?.(countErrors(monaco, latest.current.files));
    const subscription = monaco.editor.onDidChangeMarkers(report);
    editor.onDidDispose(() => subscription.dispose());
    report();
  };

  return (
    <Editor
      path={modelPath(name)}
      value={files.find((f) => f.name === name)?.source ?? ''}
      language="typescript"
      theme={dark ? 'vs-dark' : 'light'}
      loading={placeholder}
      keepCurrentModel // models are shared by both editors and disposed by syncModels
      beforeMount={(monaco) => {
        configureTypeScript(monaco, typingsUrl).catch((err: unknown) =>
          console.warn('editor typings:', err),
        );
      }}
      onMount={onMount}
      onChange={(value) => latest.current.onChange(name, value ?? '')}
      options={{
        ariaLabel: label,
        fontFamily: FONT,
        fontSize: 13,
        lineHeight: 20,
        padding: { top: 12 },
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        fixedOverflowWidgets: true,
        renderLineHighlight: 'line',
      }}
    />
  );
}
