/** Names shared by the server and the sandbox side; no imports, so both can load this file. */

/** Server-owned queue in each run's vhost that receives a copy of every dead letter. */
export const DEAD_LETTER_QUEUE = 'mqlab.dead-letters';

/** Prefix of the tap exchanges that stand in for a queue's dead-letter exchange. */
export const TAP_PREFIX = 'mqlab.tap.';
