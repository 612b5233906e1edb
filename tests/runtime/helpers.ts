import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Broker } from '../../server/protocol/brokers';
import type { RunEndEvent, TraceEvent } from '../../server/protocol/trace';
import { detectCgroupLayout } from '../../server/runner/cgroupLayout';
import type { RunLimits } from '../../server/runner/limits';
import type { Run } from '../../server/runner/run';
import { SANDBOX_UID_FIRST, SANDBOX_UID_LAST } from '../../server/runner/sandboxUids';
import { startRun } from '../../server/runner/startRun';

export interface Finished {
  run: Run;
  events: TraceEvent[];
  end: RunEndEvent;
}

/** Runs scripts (name → source) to the end and returns every trace event. */
export async function runToEnd(
  broker: Broker,
  scripts: Record<string, string>,
  options: { seconds?: number; limits?: Partial<RunLimits> } = {},
): Promise<Finished> {
  const files = Object.entries(scripts).map(([name, source]) => ({ name, source }));
  const run = await startRun(
    { broker, files, seconds: options.seconds ?? 20 },
    { limits: options.limits },
  );
  const events: TraceEvent[] = [];
  for await (const event of run.trace) events.push(event);
  const end = events.at(-1) as RunEndEvent;
  return { run, events, end };
}

export function ofType<T extends TraceEvent['type']>(
  events: TraceEvent[],
  type: T,
): Extract<TraceEvent, { type: T }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

/** Console lines of one script, joined. */
export function output(events: TraceEvent[], script: string): string {
  return ofType(events, 'log')
    .filter((e) => e.script === script)
    .map((e) => e.text)
    .join('\n');
}

/**
 * Processes still in one of these runs' cgroups (there must be none after a run). Scoped to
 * the runs: other people's runs may be going on the same machine.
 */
export function processesOfRuns(runIds: string[]): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let groups = '';
    try {
      groups = fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (runIds.some((id) => groups.includes(`/${id}-`)))
      found.push(`${pid} ${groups.split('\n')[0]}`);
  }
  for (const id of runIds) {
    const layout = detectCgroupLayout()!;
    const parent = layout.version === 2 ? layout.base : layout.pids;
    for (const dir of fs.existsSync(parent) ? fs.readdirSync(parent) : [])
      if (dir.startsWith(`${id}-`)) found.push(`cgroup ${dir}`);
  }
  return found;
}

/** Processes on the host running as any sandbox uid, zombies included (whoever's run they belong to). */
export function sandboxProcesses(): string[] {
  const out = execFileSync('ps', ['-eo', 'uid=,pid=,stat=,comm='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([uid]) => Number(uid) >= SANDBOX_UID_FIRST && Number(uid) <= SANDBOX_UID_LAST)
    .map((parts) => parts.join(' '));
}

/** A compact, comparable view of message events: `type script seq key extra`. */
export function lifeLines(events: TraceEvent[]): string[] {
  const lines: string[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'produce':
      case 'ack':
      case 'nack':
      case 'requeue':
        lines.push(`${e.type} ${e.script} ${e.key ?? '-'}#${e.seq}`);
        break;
      case 'deliver':
        lines.push(`deliver ${e.script} ${e.key ?? '-'}#${e.seq} attempt=${e.attempt}`);
        break;
      case 'dead-letter':
        lines.push(
          `dead-letter ${e.key ?? '-'}#${e.seq} ${e.reason} from=${e.originalDestination}`,
        );
        break;
      case 'anomaly':
        lines.push(
          `anomaly ${e.kind} ${e.key ?? '-'} expected=${e.expectedSeq} actual=${e.actualSeq} cause=${e.cause}`,
        );
        break;
    }
  }
  return lines.sort();
}
