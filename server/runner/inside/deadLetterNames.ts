/** Shared by the server and the sandbox side; no imports, so both can load this file. */

/**
 * Topics / streams that hold dead letters by convention: `orders.dlq`, `orders-dlq`,
 * `orders:dead-letter`, `orders_dead`… The server reads every new entry of such a
 * destination as a dead letter (Kafka topics, Redis streams, NSQ topics).
 */
export const DEAD_LETTER_NAME = /(^|[.:_-])(dlq|dead-?letters?|dead)$/i;

/** The destination a dead-letter one belongs to, when its name says (`orders.dlq` → `orders`). */
export function originOfDeadLetters(name: string): string {
  return name.replace(DEAD_LETTER_NAME, '') || name;
}
