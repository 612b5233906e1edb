'use client';

import { Component, lazy, Suspense, type ReactNode } from 'react';
import CodePlaceholder from './CodePlaceholder';
import type { MonacoEditorProps } from './MonacoEditor';
import { useHydrated } from './useHydrated';

// Its own chunk, fetched only when a playground editor renders; Monaco itself then loads from /monaco/vs.
const MonacoEditor = lazy(() => import('./MonacoEditor'));

type Props = Omit<MonacoEditorProps, 'placeholder'> & { loadingText: string; failedText: string };

/** If the editor's chunk cannot load, the learner still sees (and can copy) the code. */
class EditorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The static code first (server render, hydration, while Monaco loads), then the real editor,
 * react.dev style: nothing jumps, and the code is readable before any editor JavaScript runs.
 */
export default function CodeEditor({ loadingText, failedText, ...props }: Props) {
  const hydrated = useHydrated();
  const source = props.files.find((f) => f.name === props.name)?.source ?? '';
  const placeholder = (
    <CodePlaceholder
      source={source}
      label={props.label}
      status={hydrated ? loadingText : undefined}
    />
  );
  if (!hydrated) return placeholder;
  return (
    <EditorBoundary
      fallback={<CodePlaceholder source={source} label={props.label} status={failedText} />}
    >
      <Suspense fallback={placeholder}>
        <MonacoEditor {...props} placeholder={placeholder} />
      </Suspense>
    </EditorBoundary>
  );
}
