'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';

interface Handlers {
  onRun: () => void;
  onStop: () => void;
  onHelp: () => void;
}

const noSubscribe = () => () => {};

/** Whether to show ⌘ or Ctrl. False on the server; the keys themselves accept both. */
function useIsMac(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => /Mac|iPhone|iPad/.test(navigator.platform),
    () => false,
  );
}

/**
 * Page-wide shortcuts: Mod+Enter runs, Mod+Shift+Enter stops, ? lists the shortcuts. Inside
 * Monaco the editor's own commands handle Mod+Enter (it stops the event), and ? is just a character.
 */
export function usePlaygroundKeys(handlers: Handlers): boolean {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('.monaco-editor')) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        if (e.shiftKey) latest.current.onStop();
        else latest.current.onRun();
        return;
      }
      const typing =
        target &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (e.key === '?' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        latest.current.onHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return useIsMac();
}
