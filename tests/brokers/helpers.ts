import { randomBytes } from 'node:crypto';
import type { Broker } from '../../server/protocol/brokers';
import { probeBroker } from '../../server/brokers/probe';

/** For `before` hooks: the suite fails at once, with the probe's own explanation, if a broker is down. */
export async function requireBroker(broker: Broker): Promise<void> {
  const status = await probeBroker(broker);
  if (!status.up) throw new Error(`${broker} is down: ${status.detail}`);
}

/** Names no other test run (or concurrent developer) will collide with. */
export function uniqueName(what: string): string {
  return `mqlab-test-${what}-${randomBytes(4).toString('hex')}`;
}

/** Rejects with `what` if `promise` has not settled in `ms`, so a lost message fails instead of hanging. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
