import { FAULT_KINDS, type FaultKind } from '../../protocol/run';

export { FAULT_KINDS, type FaultKind };

/**
 * A scripted fault, `<at>:<kind>:<target>`: `3s:kill:consumer.ts`, `1500ms:restart:worker.ts`,
 * `2s:duplicate:orders`. `at` is measured from the run's start. Written so in exercise.json
 * and given to `mqlab run --fault`.
 */
export interface FaultSpec {
  /** The string as written. */
  text: string;
  atMs: number;
  kind: FaultKind;
  /** A script file name for script faults, a destination for message faults. */
  target: string;
}

const FAULT = /^(\d+(?:\.\d+)?)(ms|s):([a-z]+):(.+)$/;

/** Parses one fault; throws a sentence naming what is wrong. */
export function parseFault(text: string): FaultSpec {
  const m = FAULT.exec(text);
  if (!m) throw new Error(`fault "${text}" is not <at>:<kind>:<target> (e.g. 3s:kill:consumer.ts)`);
  const [, amount, unit, kind, target] = m as unknown as [string, string, string, string, string];
  if (!Object.hasOwn(FAULT_KINDS, kind)) {
    throw new Error(
      `fault "${text}": unknown kind "${kind}" (${Object.keys(FAULT_KINDS).join(', ')})`,
    );
  }
  const atMs = Math.round(Number(amount) * (unit === 's' ? 1000 : 1));
  return { text, atMs, kind: kind as FaultKind, target };
}

export function faultTargetsScript(fault: Pick<FaultSpec, 'kind'>): boolean {
  return FAULT_KINDS[fault.kind] === 'script';
}
