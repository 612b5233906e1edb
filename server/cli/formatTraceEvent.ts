import type { TraceEvent } from '../protocol/trace';

/** One readable line per trace event for `mqlab run` without --json; '' to skip. */
export function formatTraceEvent(event: TraceEvent): string {
  const who = event.script.padEnd(14);
  switch (event.type) {
    case 'run-start':
      return `run ${event.runId} on ${event.broker}: ${event.scripts.join(', ')} (limit ${event.limits.wallSeconds} s)`;
    case 'log':
      return `${who} ${event.stream === 'stderr' ? '!' : '|'} ${event.text}`;
    case 'produce':
      return `${who} produce   ${message(event)}`;
    case 'deliver':
      return `${who} deliver   ${message(event)} from ${event.subscription}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'ack':
    case 'nack':
    case 'requeue':
      return `${who} ${event.type.padEnd(9)} ${message(event)}`;
    case 'dead-letter':
      return `${who} dead-letter ${message(event)} from ${event.originalDestination}: ${event.reason}`;
    case 'commit':
      return `${who} commit    ${event.subscription} partition ${event.partition} offset ${event.offset}`;
    case 'claim':
      return `${who} claim     ${message(event)} from ${event.fromConsumer ?? '?'}`;
    case 'anomaly':
      return `${who} ANOMALY   ${event.kind} on key ${event.key ?? '-'}: expected seq ${event.expectedSeq}, got ${event.actualSeq}${event.cause ? ` (${event.cause})` : ''}`;
    case 'error':
      return `${who} ERROR     ${event.message}${event.line ? ` (line ${event.line})` : ''}`;
    case 'exit':
      return `${who} exit      ${event.message}`;
    case 'fault':
      return `${who} FAULT     ${event.kind} ${event.target ?? ''}${event.detail?.msgId ? ` (${String(event.detail.msgId)})` : ''}`;
    case 'run-end':
      return runEnd(event);
    default:
      return '';
  }
}

function message(e: { destination: string; key?: string; seq?: number; msgId: string }): string {
  return `${e.destination}${e.key && e.key !== e.destination ? ` key=${e.key}` : ''} #${e.seq ?? '?'} (${e.msgId})`;
}

function runEnd(event: Extract<TraceEvent, { type: 'run-end' }>): string {
  const totals = Object.entries(event.counts.total ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const checks = event.agreement.map(
    (a) =>
      `  ${a.agrees ? 'ok ' : 'DIFF'} ${a.entity} ${a.figure}: trace ${a.trace}, broker ${a.broker}`,
  );
  return [
    `run ended (${event.reason}): ${event.message} after ${(event.durationMs / 1000).toFixed(1)} s`,
    `  ${totals}`,
    ...checks,
  ].join('\n');
}
