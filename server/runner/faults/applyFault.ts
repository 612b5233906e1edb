import { DEFAULT_SLOW_FACTOR, FAULT_KINDS, type RunFaultRequest } from '../../protocol/run';
import { RUN_ACTOR, type TraceEventOf } from '../../protocol/trace';
import { brokerModule } from '../brokerModules';
import { injectTraced } from '../injectTraced';
import type { Run } from '../run';
import { FaultRefused, duplicateMessage, poisonMessage } from './injectedMessages';
import { faultsOf } from './runFaults';
import { SLOW_PERIOD_MS } from './slowDown';
import { connectionsOfUid } from './tcpConnections';

export { FaultRefused };

type FaultEvent = TraceEventOf<'fault'>;
export type FaultRequest = Omit<RunFaultRequest, 'runId'>;

/** Where a fault came from, recorded in its event: an exercise's schedule, the playground, the CLI. */
export type FaultSource = 'schedule' | 'playground' | 'cli' | 'test';

/**
 * Injects one fault into a live run: checks it can be applied (else FaultRefused), records
 * the `fault` event — always before anything happens, so what follows can be explained by
 * it — then applies it on the real broker / the script's sandbox. Resolves with the event
 * once the fault is applied; rejects when applying failed (the event is then already in).
 */
export async function applyFault(
  run: Run,
  request: FaultRequest,
  source: FaultSource,
  spec?: string,
): Promise<FaultEvent> {
  if (run.isEnding || !run.session) throw new FaultRefused('the run is not live');
  const { kind, target } = request;
  const detail: Record<string, unknown> = { source, ...(spec ? { spec } : {}) };
  if (FAULT_KINDS[kind] === 'script') checkScript(run, kind, target);
  const announce = (extra: Record<string, unknown> = {}) => {
    const event = run.emit({
      type: 'fault',
      ts: Date.now(),
      script: RUN_ACTOR,
      kind,
      target,
      detail: { ...detail, ...extra },
    });
    if (!event) throw new FaultRefused('the run is ending');
    return event as FaultEvent;
  };
  const faults = faultsOf(run);
  switch (kind) {
    case 'kill': {
      const event = announce();
      faults.stopSlowDown(target, false);
      await run.killScript(target, 'killed', `${target} was killed (fault injection)`);
      return event;
    }
    case 'restart': {
      const event = announce();
      faults.stopSlowDown(target, false);
      await run.restartScript(target);
      return event;
    }
    case 'pause': {
      const event = announce();
      faults.stopSlowDown(target, false);
      run.pauseScript(target, true);
      return event;
    }
    case 'resume': {
      const event = announce();
      faults.stopSlowDown(target);
      run.pauseScript(target, false);
      return event;
    }
    case 'slow': {
      const factor = request.factor ?? DEFAULT_SLOW_FACTOR;
      const event = announce({ factor, periodMs: SLOW_PERIOD_MS });
      faults.slowDown(target, factor);
      return event;
    }
    case 'drop': {
      const ports = connectionsOfUid(run.scriptUid(target)!, brokerModule(run.broker).ports);
      const event = announce({ connections: ports.length });
      const dropped = await run.session.dropConnections(ports);
      if (dropped.closed < ports.length) {
        run.emit({
          type: 'error',
          ts: Date.now(),
          script: RUN_ACTOR,
          message: `fault drop:${target}: closed ${dropped.closed} of ${ports.length} connections (${dropped.how})`,
          fatal: false,
        });
      }
      return event;
    }
    case 'poison': {
      const events = run.trace.all();
      const message = poisonMessage(
        events,
        run.broker,
        target,
        {
          msgId: faults.nextInjectedId(),
          seq: (key) => faults.nextSeq(target, key),
        },
        request.payload,
      );
      const event = announce({ msgId: message.msgId });
      await injectTraced(run, message);
      return event;
    }
    case 'duplicate': {
      const message = duplicateMessage(run.trace.all(), run.broker, target, request.msgId);
      const event = announce({ msgId: message.msgId, seq: message.seq });
      await injectTraced(run, message);
      return event;
    }
  }
}

function checkScript(run: Run, kind: string, target: string) {
  if (!run.scripts.includes(target)) {
    throw new FaultRefused(`${target} is not one of the run's scripts (${run.scripts.join(', ')})`);
  }
  if (kind !== 'restart' && !run.isScriptRunning(target))
    throw new FaultRefused(`${target} is not running`);
}
