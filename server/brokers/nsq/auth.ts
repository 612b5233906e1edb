import { brokerSecrets, runSecret } from '../secrets';

/** The auth service's name for the server's own clients: every topic. */
const SERVER_IDENTITY = 'server';

/**
 * The secret an NSQ client sends with AUTH, checked by MQ Lab's auth service
 * (infra/nsq/nsqauth) without any shared state: `<name>:<runSecret(nsqAuthKey, name)>`.
 * A run's name is its topic prefix, and the secret grants only topics starting with it.
 */
export function nsqAuthSecret(name: string): string {
  return `${name}:${runSecret(brokerSecrets().nsqAuthKey, name)}`;
}

/** For the server's own TCP clients (dead-letter observers, tests); never handed to a sandbox. */
export function serverNsqSecret(): string {
  return nsqAuthSecret(SERVER_IDENTITY);
}
