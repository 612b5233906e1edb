'use client';

import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import { clearDraft, draftKey, loadDraft, saveDraft } from './drafts';
import { decodeShareHash } from './shareLink';
import {
  isPristine,
  workspaceFromSource,
  workspaceReducer,
  type PlaygroundSource,
  type Workspace,
  type WorkspaceAction,
} from './workspace';

export type Notice =
  | { kind: 'draftRestored'; savedAt: number }
  | {
      kind:
        | 'sharedRestored'
        | 'badShareLink'
        | 'exampleMissing'
        | 'runtimeMissing'
        | 'actionUnanswered';
    }
  | { kind: 'runRefused' | 'actionRefused'; message: string }
  | { kind: 'wasReset'; undo: Workspace };

const AUTOSAVE_MS = 400;

/**
 * The workspace with its persistence: a share link in the URL wins over a draft, a draft wins
 * over the template; edits autosave a draft per template or example. Also the one-line notice
 * that tells the learner which of these happened.
 */
export function usePersistentWorkspace(source: PlaygroundSource, initialNotice: Notice | null) {
  const [ws, dispatch] = useReducer(workspaceReducer, source, workspaceFromSource);
  // A reducer, not state: the restore effect sets it once, from the browser's storage.
  const [notice, setNotice] = useReducer(
    (_: Notice | null, next: Notice | null) => next,
    initialNotice,
  );
  const key = draftKey(source);
  // The workspace a share link restored: the link stays in the URL until the first edit.
  const shared = useRef<Workspace | null>(null);
  const restored = useRef(false);

  // localStorage and the hash exist only in the browser: read them once, after hydration.
  useEffect(() => {
    const fromLink = decodeShareHash(window.location.hash);
    if (fromLink && fromLink !== 'invalid') {
      shared.current = fromLink;
      dispatch({ type: 'replace', workspace: fromLink });
      setNotice({ kind: 'sharedRestored' });
    } else {
      const draft = loadDraft(window.localStorage, key);
      if (draft) {
        dispatch({ type: 'replace', workspace: draft.workspace });
        setNotice({ kind: 'draftRestored', savedAt: draft.savedAt });
      } else if (fromLink === 'invalid') {
        setNotice({ kind: 'badShareLink' });
      }
    }
    restored.current = true;
  }, [key]);

  useEffect(() => {
    if (!restored.current) return;
    const timer = setTimeout(() => {
      if (shared.current && shared.current !== ws) {
        shared.current = null;
        history.replaceState(history.state, '', location.pathname + location.search);
      }
      // No draft while the files are the template's own: the next visit shows any update to it.
      if (isPristine(ws, source) && ws.layout === 'tabs') clearDraft(localStorage, key);
      else saveDraft(localStorage, key, ws);
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [ws, source, key]);

  /** Back to the source's files (keeping the layout), undoable from the notice. */
  const reset = () => {
    dispatch({ type: 'replace', workspace: workspaceFromSource(source, ws.layout) });
    clearDraft(localStorage, key);
    setNotice({ kind: 'wasReset', undo: ws });
  };

  return { ws, dispatch: dispatch as Dispatch<WorkspaceAction>, notice, setNotice, reset };
}
