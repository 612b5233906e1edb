import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { Ack } from '../protocol/events';
import {
  runFaultRequestSchema,
  runReplayRequestSchema,
  runStartRequestSchema,
  runStopRequestSchema,
  type RunFaultResult,
  type RunReplayResult,
  type RunStartResult,
} from '../protocol/run';
import { RUN_ACTOR, type RunEndEvent } from '../protocol/trace';
import { applyFault, FaultRefused } from '../runner/faults/applyFault';
import { replayDeadLetter } from '../runner/replayDeadLetter';
import type { Run } from '../runner/run';
import { RunScheduler } from '../runner/runScheduler';
import { newRunId, startRun as defaultStartRun } from '../runner/startRun';
import { sweepOnce } from '../runner/sweepLeftovers';
import type { AppServer } from './app';
import { relayRun } from './traceRelay';

export interface RunHandlerDeps {
  /** Starts a run; tests and alternative runners can replace it. */
  startRun?: typeof defaultStartRun;
  scheduler?: RunScheduler;
}

/**
 * `run:start` / `run:stop` / `run:fault` / `run:replay` for one socket.io application. Payloads are validated at the
 * edge; anything malformed gets an `{error}` ack and never reaches the runner. A socket's
 * runs end (and their broker entities are deleted) when it disconnects.
 */
export function registerRunHandlers(io: AppServer, deps: RunHandlerDeps = {}) {
  const startRun = deps.startRun ?? defaultStartRun;
  const scheduler = deps.scheduler ?? new RunScheduler();
  // A restarted server first removes what runs of its previous life left on the brokers.
  if (!deps.startRun)
    void sweepOnce().catch((err: Error) =>
      console.warn(`[runs] startup sweep failed: ${err.message}`),
    );

  return {
    scheduler,
    attach(socket: Socket) {
      const mine = new Map<string, Promise<Run>>();
      const live = new Map<string, Run>(); // started and not yet ended: faults may be injected

      socket.on('run:start', (payload: unknown, ack: unknown) => {
        const reply = replier<RunStartResult>(ack);
        const parsed = runStartRequestSchema.safeParse(payload);
        if (!parsed.success)
          return reply({ error: `invalid run request: ${z.prettifyError(parsed.error)}` });
        const request = parsed.data;
        const runId = newRunId();
        const admission = scheduler.submit(socket.id, () => startRun(request, { runId }));
        if (admission.state === 'refused') return reply({ error: admission.reason });
        mine.set(runId, admission.run);
        reply({
          data: {
            runId,
            state: admission.state,
            ...(admission.state === 'queued' ? { position: admission.position } : {}),
          },
        });
        const room = `run:${runId}`;
        void socket.join(room);
        admission.run
          .then(
            (run) => {
              live.set(runId, run);
              io.to(room).emit('run:started', {
                runId,
                broker: run.broker,
                scripts: run.scripts,
                seconds: run.limits.wallSeconds,
              });
              return relayRun(io, room, run);
            },
            (err: Error) =>
              io.to(room).emit('run:ended', failedRunEnd(runId, request.broker, err.message)),
          )
          .finally(() => {
            mine.delete(runId);
            live.delete(runId);
          });
      });

      socket.on('run:stop', async (payload: unknown, ack: unknown) => {
        const reply = replier<{ runId: string }>(ack);
        const parsed = runStopRequestSchema.safeParse(payload);
        if (!parsed.success)
          return reply({ error: `invalid stop request: ${z.prettifyError(parsed.error)}` });
        const pending = mine.get(parsed.data.runId);
        if (!pending) return reply({ error: `no run ${parsed.data.runId} of yours is going` });
        reply({ data: { runId: parsed.data.runId } });
        (await pending.catch(() => undefined))?.stop('stopped', 'stopped from the playground');
      });

      socket.on('run:fault', async (payload: unknown, ack: unknown) => {
        const reply = replier<RunFaultResult>(ack);
        const parsed = runFaultRequestSchema.safeParse(payload);
        if (!parsed.success)
          return reply({ error: `invalid fault request: ${z.prettifyError(parsed.error)}` });
        const { runId, ...fault } = parsed.data;
        const run = liveRun(runId);
        if ('error' in run) return reply(run);
        try {
          reply({ data: { runId, fault: await applyFault(run.run, fault, 'playground') } });
        } catch (err) {
          const why = (err as Error).message;
          reply({ error: err instanceof FaultRefused ? why : `the fault failed: ${why}` });
        }
      });

      socket.on('run:replay', async (payload: unknown, ack: unknown) => {
        const reply = replier<RunReplayResult>(ack);
        const parsed = runReplayRequestSchema.safeParse(payload);
        if (!parsed.success)
          return reply({ error: `invalid replay request: ${z.prettifyError(parsed.error)}` });
        const { runId, msgId } = parsed.data;
        const run = liveRun(runId);
        if ('error' in run) return reply(run);
        try {
          reply({ data: { runId, produce: await replayDeadLetter(run.run, msgId) } });
        } catch (err) {
          const why = (err as Error).message;
          reply({ error: err instanceof FaultRefused ? why : `the replay failed: ${why}` });
        }
      });

      /** One of this socket's runs that has started and not ended, or why not. */
      function liveRun(runId: string): { run: Run } | { error: string } {
        const run = live.get(runId);
        if (run) return { run };
        return {
          error: mine.has(runId)
            ? `run ${runId} has not started yet`
            : `no run ${runId} of yours is going`,
        };
      }

      socket.on('disconnect', () => {
        scheduler.cancelQueued(socket.id);
        for (const pending of mine.values()) {
          void pending.then(
            (run) => run.stop('disconnected', 'the browser disconnected'),
            () => {},
          );
        }
      });
    },
  };
}

/** Acks only if the client asked for one; a missing or bogus ack callback is ignored. */
function replier<T>(ack: unknown): (res: Ack<T>) => void {
  return (res) => {
    if (typeof ack === 'function') (ack as (res: Ack<T>) => void)(res);
  };
}

function failedRunEnd(runId: string, broker: RunEndEvent['broker'], message: string): RunEndEvent {
  return {
    type: 'run-end',
    n: 1,
    ts: Date.now(),
    runId,
    broker,
    script: RUN_ACTOR,
    reason: 'error',
    message: `the run could not start: ${message}`,
    durationMs: 0,
    scripts: [],
    counts: {},
    brokerFigures: {},
    agreement: [],
  };
}
