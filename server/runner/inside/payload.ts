const PREVIEW_CHARS = 512;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** The first characters of a message body, for the trace (full bodies stay on the broker). */
export function previewPayload(body: unknown): string {
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') return body.slice(0, PREVIEW_CHARS);
  if (body instanceof Uint8Array)
    return decoder.decode(body.subarray(0, PREVIEW_CHARS * 4)).slice(0, PREVIEW_CHARS);
  return String(body).slice(0, PREVIEW_CHARS);
}

export function byteLength(body: unknown): number {
  if (body instanceof Uint8Array) return body.byteLength;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  return 0;
}
