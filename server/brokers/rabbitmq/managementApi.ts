import { RABBITMQ } from '../endpoints';

/** The server's administrator account as an HTTP authorization header. */
export const managementAuth = () =>
  `Basic ${Buffer.from(`${RABBITMQ.username}:${RABBITMQ.password}`).toString('base64')}`;

/**
 * The RabbitMQ management HTTP API as the server's admin account. Only the server uses it:
 * sandboxes can reach the AMQP port alone.
 */
export async function management<T = unknown>(
  method: 'GET' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${RABBITMQ.managementUrl}/api${path}`, {
    method,
    headers: { authorization: managementAuth(), 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  if (method === 'DELETE' && res.status === 404) return undefined as T;
  if (!res.ok)
    throw new Error(`RabbitMQ management ${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const enc = encodeURIComponent;
