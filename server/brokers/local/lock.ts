import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { paths } from './paths';

const LOCK_FILE = path.join(paths.runDir, 'brokers.lock');

/**
 * Serialises `up`/`down` across processes: two concurrent `up`s (say a test run and a
 * developer) would otherwise both see a broker down, both spawn it, and overwrite its pid file.
 */
export async function withBrokersLock<T>(work: () => Promise<T>, waitMs = 300_000): Promise<T> {
  fs.mkdirSync(paths.runDir, { recursive: true });
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim());
      if (!isRunning(holder)) {
        fs.rmSync(LOCK_FILE, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`another mqlab (pid ${holder}) holds ${LOCK_FILE}`);
      if (!announced) console.error(`waiting for another mqlab brokers command (pid ${holder})…`);
      announced = true;
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK_FILE, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Zombies (an unreaped dead mqlab) still answer kill(0).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}
