import { z } from 'zod';
import { fromStored, storedWorkspaceSchema, toStored } from './storedWorkspace';
import type { PlaygroundSource, Workspace } from './workspace';

/** Drafts live in this browser only, one per template or lesson example. */
const draftSchema = z.object({ savedAt: z.number(), workspace: storedWorkspaceSchema });

export interface Draft {
  savedAt: number;
  workspace: Workspace;
}

export function draftKey(source: Pick<PlaygroundSource, 'kind' | 'id'>): string {
  return `mqlab:playground:v1:${source.kind}:${source.id}`;
}

/** The saved draft, or undefined when there is none or it cannot be read (then it is dropped). */
export function loadDraft(storage: Storage, key: string): Draft | undefined {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    if (parsed.success)
      return { savedAt: parsed.data.savedAt, workspace: fromStored(parsed.data.workspace) };
  } catch {
    // fall through: unreadable JSON is as good as no draft
  }
  storage.removeItem(key);
  return undefined;
}

/** Saves; a full storage (quota) only costs the draft, never the page. */
export function saveDraft(storage: Storage, key: string, ws: Workspace, now = Date.now()): boolean {
  try {
    storage.setItem(key, JSON.stringify({ savedAt: now, workspace: toStored(ws) }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: Storage, key: string): void {
  storage.removeItem(key);
}
