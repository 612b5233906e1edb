'use client';

import { useEffect, useReducer, useRef } from 'react';
import type { ScriptFile } from '@/server/protocol/run';
import { loadExerciseDraft, saveExerciseDraft } from './exerciseDrafts';

export type FilesNotice =
  | { kind: 'draftRestored'; savedAt: number }
  | { kind: 'reset' | 'solutionLoaded'; undo: ScriptFile[] };

interface FilesState {
  files: ScriptFile[];
  notice: FilesNotice | null;
}

type FilesAction =
  | { type: 'edit'; name: string; source: string }
  | { type: 'replace'; files: ScriptFile[]; notice: FilesNotice | null }
  | { type: 'notice'; notice: FilesNotice | null };

function reduce(state: FilesState, action: FilesAction): FilesState {
  switch (action.type) {
    case 'edit':
      return {
        ...state,
        files: state.files.map((f) =>
          f.name === action.name ? { ...f, source: action.source } : f,
        ),
      };
    case 'replace':
      return { files: action.files, notice: action.notice };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

const AUTOSAVE_MS = 400;

/**
 * The learner's files for one exercise: the starter, or this browser's draft of it (restored
 * after hydration, autosaved on every edit), reset to the starter or replaced by the solution
 * with an undo. The set of files is the exercise's: never added to or renamed.
 */
export function useExerciseFiles(exerciseId: string, start: ScriptFile[]) {
  const [state, dispatch] = useReducer(reduce, { files: start, notice: null });
  const restored = useRef(false);

  useEffect(() => {
    const draft = loadExerciseDraft(localStorage, exerciseId, start);
    if (draft)
      dispatch({
        type: 'replace',
        files: draft.files,
        notice: { kind: 'draftRestored', savedAt: draft.savedAt },
      });
    restored.current = true;
  }, [exerciseId, start]);

  useEffect(() => {
    if (!restored.current) return;
    const timer = setTimeout(
      () => saveExerciseDraft(localStorage, exerciseId, start, state.files),
      AUTOSAVE_MS,
    );
    return () => clearTimeout(timer);
  }, [state.files, exerciseId, start]);

  const { files, notice } = state;
  return {
    files,
    notice,
    edit: (name: string, source: string) => dispatch({ type: 'edit', name, source }),
    reset: () =>
      dispatch({ type: 'replace', files: start, notice: { kind: 'reset', undo: files } }),
    load: (next: ScriptFile[]) =>
      dispatch({ type: 'replace', files: next, notice: { kind: 'solutionLoaded', undo: files } }),
    undo: (previous: ScriptFile[]) => dispatch({ type: 'replace', files: previous, notice: null }),
    dismiss: () => dispatch({ type: 'notice', notice: null }),
  };
}
