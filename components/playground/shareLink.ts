import LZString from 'lz-string'; // CommonJS: a default import works in Node and in the bundle
import { fromStored, storedWorkspaceSchema, toStored } from './storedWorkspace';
import type { Workspace } from './workspace';

/** Share links carry the whole workspace in the URL hash, so nothing is stored on a server. */
const PREFIX = '#code/';

export function encodeShareHash(ws: Workspace): string {
  return PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(toStored(ws)));
}

/**
 * The workspace in a location hash: `undefined` when the hash is not a share link at all,
 * `'invalid'` when it is one but cannot be read (cut off, edited, from an older version).
 */
export function decodeShareHash(hash: string): Workspace | 'invalid' | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    const json = LZString.decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
    const parsed = storedWorkspaceSchema.safeParse(JSON.parse(json));
    return parsed.success ? fromStored(parsed.data) : 'invalid';
  } catch {
    return 'invalid';
  }
}
