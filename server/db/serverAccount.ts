import fs from 'node:fs';
import path from 'node:path';

/** Who the PostgreSQL server runs as: it refuses to run as root. */
export interface ServerAccount {
  uid: number;
  gid: number;
  name: string;
}

/**
 * As root: the `postgres` system user Debian's package creates. Otherwise: whoever we are
 * (a developer's own account can run its own server).
 */
export function postgresServerAccount(): ServerAccount {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? uid, name: String(uid) };
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , u, g] = line?.split(':') ?? [];
  if (u === undefined || g === undefined) {
    throw new Error(
      'no "postgres" system user: install PostgreSQL with apt-get install -y postgresql-15',
    );
  }
  return { uid: Number(u), gid: Number(g), name: 'postgres' };
}

/** Creates `dir` (and parents) and hands it to the server's account with `mode`. */
export function ownedDir(dir: string, account: ServerAccount, mode: number): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.chownSync(dir, account.uid, account.gid);
  fs.chmodSync(dir, mode);
}

/**
 * The server's account must be able to walk down to the data folder; a clone under a private
 * home (mode 0700) would make PostgreSQL fail with a cryptic "permission denied".
 */
export function assertReachable(dir: string, account: ServerAccount): void {
  if (account.uid === (process.getuid?.() ?? -1)) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const { mode, uid } = fs.statSync(d);
    const walkable = (mode & 0o001) !== 0 || (uid === account.uid && (mode & 0o100) !== 0);
    if (!walkable) {
      throw new Error(
        `${d} is not searchable by the "${account.name}" user that runs PostgreSQL: chmod o+x ${d}`,
      );
    }
  }
}
