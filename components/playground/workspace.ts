import type { Broker } from '@/server/protocol/brokers';

/** One learner script, as the editor and a run see it. */
export interface PlaygroundFile {
  name: string;
  source: string;
}

export const LAYOUTS = ['tabs', 'split'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Everything the learner can change; what drafts and share links store. */
export interface Workspace {
  broker: Broker;
  files: PlaygroundFile[];
  layout: Layout;
  /** The file in the first (or only) editor. */
  active: string;
  /** The file in the second editor when side by side. */
  secondary: string;
}

/** Where the files came from: reset goes back to it, drafts are kept per source. */
export interface PlaygroundSource {
  kind: 'template' | 'example';
  /** Template id (`rabbitmq-dlx-retries`) or lesson example id (`rabbitmq-consuming/nack-dead-letter`). */
  id: string;
  broker: Broker;
  title: string;
  description?: string;
  open: string;
  files: PlaygroundFile[];
  /** For lesson examples: the lesson's slug and title, to link back. */
  lesson?: { slug: string; title: string };
}

export type Pane = 0 | 1;

export type WorkspaceAction =
  | { type: 'select'; pane: Pane; name: string }
  | { type: 'edit'; name: string; source: string }
  | { type: 'add'; pane: Pane; file: PlaygroundFile }
  | { type: 'rename'; from: string; to: string }
  | { type: 'remove'; name: string }
  | { type: 'layout'; layout: Layout }
  | { type: 'replace'; workspace: Workspace };

/** The second file to show side by side: the first one that is not `active`. */
function otherThan(files: PlaygroundFile[], active: string): string {
  return files.find((f) => f.name !== active)?.name ?? active;
}

export function workspaceFromSource(source: PlaygroundSource, layout: Layout = 'tabs'): Workspace {
  const active = source.files.some((f) => f.name === source.open)
    ? source.open
    : source.files[0]!.name;
  return {
    broker: source.broker,
    files: source.files,
    layout,
    active,
    secondary: otherThan(source.files, active),
  };
}

export function workspaceReducer(ws: Workspace, action: WorkspaceAction): Workspace {
  switch (action.type) {
    case 'select':
      return action.pane === 0 ? { ...ws, active: action.name } : { ...ws, secondary: action.name };
    case 'edit':
      return {
        ...ws,
        files: ws.files.map((f) => (f.name === action.name ? { ...f, source: action.source } : f)),
      };
    case 'add': {
      const files = [...ws.files, action.file];
      return action.pane === 0
        ? { ...ws, files, active: action.file.name }
        : { ...ws, files, secondary: action.file.name };
    }
    case 'rename': {
      const swap = (n: string) => (n === action.from ? action.to : n);
      const files = ws.files.map((f) => (f.name === action.from ? { ...f, name: action.to } : f));
      return { ...ws, files, active: swap(ws.active), secondary: swap(ws.secondary) };
    }
    case 'remove': {
      if (ws.files.length <= 1) return ws;
      const index = ws.files.findIndex((f) => f.name === action.name);
      const files = ws.files.filter((f) => f.name !== action.name);
      // The neighbour takes the closed tab's place, as in any editor.
      const neighbour = files[Math.min(Math.max(index, 0), files.length - 1)]!.name;
      const active = ws.active === action.name ? neighbour : ws.active;
      const secondary = ws.secondary === action.name ? otherThan(files, active) : ws.secondary;
      return { ...ws, files, active, secondary };
    }
    case 'layout':
      return {
        ...ws,
        layout: action.layout,
        secondary: ws.secondary === ws.active ? otherThan(ws.files, ws.active) : ws.secondary,
      };
    case 'replace':
      return action.workspace;
  }
}

/** True when the files are exactly the source's (the layout does not count as an edit). */
export function isPristine(ws: Workspace, source: PlaygroundSource): boolean {
  return (
    ws.broker === source.broker &&
    ws.files.length === source.files.length &&
    ws.files.every(
      (f, i) => f.name === source.files[i]!.name && f.source === source.files[i]!.source,
    )
  );
}
