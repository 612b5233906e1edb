/**
 * Exercises write their fault schedule exactly as the runtime's fault injection takes it:
 * `<at>:<kind>:<target>` (e.g. `3s:kill:consumer.ts`). One parser for both.
 */
export {
  FAULT_KINDS,
  faultTargetsScript,
  parseFault,
  type FaultKind,
  type FaultSpec,
} from '../runner/faults/faultSpec';
