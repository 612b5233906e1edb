/**
 * Runs before the learner's module (deno --preload): reads and hides the run's config,
 * opens the trace pipe and reports uncaught errors with their line in the learner's file.
 */
import { deno } from './denoApi.ts';
import './runConfig.ts';
import { reportError } from './reportError.ts';
import { emit } from './traceWriter.ts';

// Kept from before learner code runs, which may replace console methods.
const printError = console.error.bind(console);

function fail(error: unknown) {
  const summary = reportError(error, true);
  printError(`Uncaught ${summary}`);
  deno.exit(1);
}

// The runtime's own dump would show its internal frames; one clean line and the trace
// event (with the learner's line number) say the same.
addEventListener('error', (event) => {
  event.preventDefault();
  fail((event as ErrorEvent).error);
});
addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  fail((event as PromiseRejectionEvent).reason);
});

emit({ type: 'ready' });
