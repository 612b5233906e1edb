// The relay: publishes the events that app.ts committed to the `outbox` table, then marks
// them published. Nothing here yet.
export {};
