import type { Redis } from 'ioredis';
import type { DroppedConnections } from '../../runner/brokerModule';

/**
 * Closes a script's connections from Redis itself: CLIENT KILL by the address Redis sees for
 * each of the script's local ports (the kernel's socket table names them, so only that
 * script's connections are closed, not the whole run's ACL user). Redis closes the socket;
 * ioredis sees the connection end and reconnects by itself, replaying nothing in flight.
 */
export async function dropRedisConnections(
  redis: Redis,
  clientPorts: number[],
): Promise<DroppedConnections> {
  let closed = 0;
  for (const port of clientPorts) {
    const n = await redis.call('CLIENT', 'KILL', 'ADDR', `127.0.0.1:${port}`, 'SKIPME', 'yes');
    closed += Number(n) || 0;
  }
  return { closed, how: 'CLIENT KILL' };
}
