import pg from 'pg';
import { POSTGRES, postgresPaths } from './postgresPaths';

/**
 * A superuser session over the Unix socket (the only way in as the superuser: TCP rejects
 * it). Callers must `end()` it.
 */
export async function connectAdmin(database = 'postgres', timeoutMs = 2000): Promise<pg.Client> {
  const client = new pg.Client({
    host: postgresPaths.socketDir,
    port: POSTGRES.port,
    user: POSTGRES.adminUser,
    database,
    connectionTimeoutMillis: timeoutMs,
  });
  // A server shutting down mid-session emits 'error' on the client; the query rejects anyway.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Runs `work` with a fresh admin session and always closes it. */
export async function withAdmin<T>(
  work: (client: pg.Client) => Promise<T>,
  database?: string,
): Promise<T> {
  const client = await connectAdmin(database);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `SELECT version()` through the admin socket, or the reason it failed. */
export async function probePostgres(): Promise<{ up: boolean; version: string; detail: string }> {
  try {
    const version = await withAdmin(async (c) => {
      const { rows } = await c.query<{ v: string }>(
        "SELECT current_setting('server_version') AS v",
      );
      return rows[0]?.v ?? '';
    });
    return {
      up: true,
      version,
      detail: `PostgreSQL ${version} accepts connections on ${POSTGRES.endpoint}`,
    };
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not running' : (err as Error).message;
    return { up: false, version: '', detail: `${reason} — start it with: npx mqlab brokers up` };
  }
}
