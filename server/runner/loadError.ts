import type { DraftEvent } from '../trace/traceStream';

/**
 * A script that never ran (a syntax error, an unknown import) has no runtime to report its
 * error: Deno printed it on stderr. This turns that into an `error` event with the position
 * in the learner's file.
 */
export function loadErrorFromStderr(script: string, stderr: string): DraftEvent {
  const message =
    /error: (.*)/.exec(stderr)?.[1] ??
    stderr.trim().split('\n').at(-1) ??
    'the script could not start';
  const at = new RegExp(`${script.replace(/[.]/g, '\\.')}:(\\d+):(\\d+)`).exec(stderr);
  return {
    type: 'error',
    ts: Date.now(),
    script,
    message,
    ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}),
    fatal: true,
  };
}
