/**
 * What an exercise's checks.ts imports: the check types and pure queries over the evidence.
 * Nothing here touches a broker, a file or the clock, so checks are unit-testable over
 * hand-built traces and give the same verdict for the same trace.
 */
export { L, defineChecks, fail, pass } from './checkTypes';
export type { CheckVerdict, Evidence, ExerciseCheck, Localized } from './checkTypes';
export {
  at,
  bodyField,
  eventsOf,
  faultBefore,
  fieldValues,
  fromLearner,
  gaps,
  groupBy,
  listSome,
  payloadJson,
  plural,
  unsettled,
} from './traceQueries';
