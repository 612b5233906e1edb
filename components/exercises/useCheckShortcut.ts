'use client';

import { useEffect, useRef } from 'react';

/**
 * Ctrl/⌘+Enter checks from anywhere on the page. Inside Monaco the editor's own command
 * handles it (and stops the event), so this listener skips the editor.
 */
export function useCheckShortcut(onCheck: () => void): void {
  const latest = useRef(onCheck);
  useEffect(() => {
    latest.current = onCheck;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== 'Enter' || e.shiftKey) return;
      if ((e.target as HTMLElement | null)?.closest('.monaco-editor')) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
