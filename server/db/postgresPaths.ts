import fs from 'node:fs';
import path from 'node:path';
import { BROKER_HOST } from '../brokers/endpoints';
import { MQLAB_DIR, paths } from '../brokers/local/paths';

/**
 * The exercises' database: PostgreSQL 15 from Debian's apt, run as a local process under
 * .mqlab/ like the brokers. It is not a broker, so it is not in BROKERS: the status list
 * shows it on its own line.
 */
export const POSTGRES = {
  host: BROKER_HOST,
  port: 5432,
  /** Superuser created by initdb; reachable only over the Unix socket below. */
  adminUser: 'postgres',
  /** Learners' runs reach it over TCP as this address, and only this. */
  endpoint: `${BROKER_HOST}:5432`,
  aptPackage: 'postgresql-15',
  majorVersion: '15',
} as const;

export const postgresPaths = {
  dataDir: path.join(MQLAB_DIR, 'data', 'postgres'),
  /** pg_hba.conf lives outside the data dir so every start rewrites it from code. */
  configDir: paths.configDir('postgres'),
  hbaFile: path.join(paths.configDir('postgres'), 'pg_hba.conf'),
  /** Mode 0700, owned by the server's user: only root and that user reach the admin socket. */
  socketDir: path.join(paths.runDir, 'postgres'),
  logFile: paths.logFile('postgres'),
  pidName: 'postgres',
};

/** Debian installs the server binaries per major version outside PATH. */
export function postgresBin(tool: 'postgres' | 'initdb'): string {
  const dir = `/usr/lib/postgresql/${POSTGRES.majorVersion}/bin`;
  const file = path.join(dir, tool);
  return fs.existsSync(file) ? file : tool;
}
