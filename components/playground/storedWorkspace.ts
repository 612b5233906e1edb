import { z } from 'zod';
import { brokerSchema } from '@/server/protocol/brokers';
import { MAX_SCRIPTS, scriptFileSchema } from '@/server/protocol/run';
import { LAYOUTS, type Workspace } from './workspace';

/**
 * A workspace as drafts and share links keep it. Both come from outside this page (storage the
 * learner can edit, links anyone can craft), so they are validated like any other input.
 */
export const storedWorkspaceSchema = z
  .object({
    v: z.literal(1),
    broker: brokerSchema,
    layout: z.enum(LAYOUTS),
    active: z.string(),
    secondary: z.string(),
    files: z.array(scriptFileSchema).min(1).max(MAX_SCRIPTS),
  })
  .refine(
    (w) => new Set(w.files.map((f) => f.name)).size === w.files.length,
    'file names must be unique',
  );

export type StoredWorkspace = z.infer<typeof storedWorkspaceSchema>;

export function toStored(ws: Workspace): StoredWorkspace {
  return {
    v: 1,
    broker: ws.broker,
    layout: ws.layout,
    active: ws.active,
    secondary: ws.secondary,
    files: ws.files,
  };
}

/** Back to a workspace, repairing open-file names that do not exist (hand-edited links). */
export function fromStored(stored: StoredWorkspace): Workspace {
  const names = stored.files.map((f) => f.name);
  const pick = (name: string, fallback: string) => (names.includes(name) ? name : fallback);
  const active = pick(stored.active, names[0]!);
  return {
    broker: stored.broker,
    layout: stored.layout,
    files: stored.files,
    active,
    secondary: pick(stored.secondary, names.find((n) => n !== active) ?? active),
  };
}
