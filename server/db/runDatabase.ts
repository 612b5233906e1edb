import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withAdmin } from './adminClient';
import { POSTGRES } from './postgresPaths';

/**
 * One run's own database: a database and a login role of the same name, created before the
 * run and dropped after it. pg_hba's `sameuser` rule lets the role connect to that database
 * only; the role cannot create databases or roles. Scripts reach it through the standard
 * PG* variables, so learner code is just `new pg.Client()`.
 */
export interface RunDatabase {
  name: string;
  /** PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD for the run's scripts. */
  env: Record<string, string>;
  /** Every row of each table, read as the run's role (what the run really committed). */
  snapshot(tables: string[]): Promise<Record<string, Record<string, unknown>[]>>;
  drop(): Promise<void>;
}

const PREFIX = 'mqlab_run_';
/** Run databases older than this are leftovers of a crashed grader and are dropped. */
const STALE_MS = 30 * 60_000;

export async function createRunDatabase(schemaSql: string): Promise<RunDatabase> {
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('hex');
  await withAdmin(async (admin) => {
    const id = admin.escapeIdentifier(name);
    await admin.query(
      `CREATE ROLE ${id} LOGIN PASSWORD ${admin.escapeLiteral(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION CONNECTION LIMIT 30`,
    );
    await admin.query(`CREATE DATABASE ${id} OWNER ${id} TEMPLATE template0`);
    await admin.query(`REVOKE ALL ON DATABASE ${id} FROM PUBLIC`);
  });
  const env = {
    PGHOST: POSTGRES.host,
    PGPORT: String(POSTGRES.port),
    PGDATABASE: name,
    PGUSER: name,
    PGPASSWORD: password,
  };
  const asRole = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({
      host: env.PGHOST,
      port: POSTGRES.port,
      database: name,
      user: name,
      password,
    });
    client.on('error', () => {});
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => {});
    }
  };
  const db: RunDatabase = {
    name,
    env,
    async snapshot(tables) {
      return asRole(async (c) => {
        const out: Record<string, Record<string, unknown>[]> = {};
        for (const table of tables) {
          const { rows } = await c.query(`SELECT * FROM ${c.escapeIdentifier(table)}`);
          out[table] = rows as Record<string, unknown>[];
        }
        return out;
      });
    },
    drop: () => dropRunDatabase(name),
  };
  try {
    if (schemaSql.trim()) await asRole((c) => c.query(schemaSql));
  } catch (err) {
    await db.drop();
    throw new Error(`the exercise's schema.sql failed: ${(err as Error).message}`);
  }
  return db;
}

export async function dropRunDatabase(name: string): Promise<void> {
  if (!name.startsWith(PREFIX)) throw new Error(`${name} is not a run database`);
  await withAdmin(async (admin) => {
    const id = admin.escapeIdentifier(name);
    // FORCE ends the run's leftover sessions (a script killed mid-query keeps none, a hung one might).
    await admin.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${id}`);
  });
}

/** Drops run databases and roles a crashed grader left behind; returns their names. */
export async function dropStaleRunDatabases(now = Date.now()): Promise<string[]> {
  const names = await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ name: string }>(
      `SELECT datname AS name FROM pg_database WHERE datname LIKE 'mqlab\\_run\\_%'
       UNION SELECT rolname FROM pg_roles WHERE rolname LIKE 'mqlab\\_run\\_%'`,
    );
    return rows.map((r) => r.name);
  });
  const stale = names.filter((name) => {
    const born = parseInt(name.slice(PREFIX.length).split('_')[0] ?? '', 36);
    return !Number.isFinite(born) || now - born > STALE_MS;
  });
  for (const name of stale) await dropRunDatabase(name);
  return stale;
}
