/**
 * A scripted fault, written as the runtime's fault option is (issue "fault injection"):
 * `<at>:<kind>:<target>`, e.g. `3s:kill:consumer.ts`, `1500ms:restart:worker.ts`,
 * `2s:duplicate:orders`. `at` is measured from the run's start.
 */
export interface FaultSpec {
  /** The string as written in exercise.json. */
  text: string;
  atMs: number;
  kind: FaultKind;
  /** A script file name for script faults, a destination for message faults. */
  target: string;
}

/** What each kind acts on. */
export const FAULT_KINDS = {
  kill: 'script',
  restart: 'script',
  pause: 'script',
  resume: 'script',
  slow: 'script',
  drop: 'script',
  poison: 'destination',
  duplicate: 'destination',
} as const;
export type FaultKind = keyof typeof FAULT_KINDS;

const FAULT = /^(\d+(?:\.\d+)?)(ms|s):([a-z]+):(.+)$/;

/** Parses one fault; throws a sentence naming what is wrong. */
export function parseFault(text: string): FaultSpec {
  const m = FAULT.exec(text);
  if (!m) throw new Error(`fault "${text}" is not <at>:<kind>:<target> (e.g. 3s:kill:consumer.ts)`);
  const [, amount, unit, kind, target] = m as unknown as [string, string, string, string, string];
  if (!(kind in FAULT_KINDS)) {
    throw new Error(
      `fault "${text}": unknown kind "${kind}" (${Object.keys(FAULT_KINDS).join(', ')})`,
    );
  }
  const atMs = Math.round(Number(amount) * (unit === 's' ? 1000 : 1));
  return { text, atMs, kind: kind as FaultKind, target };
}

export function faultTargetsScript(fault: FaultSpec): boolean {
  return FAULT_KINDS[fault.kind] === 'script';
}
