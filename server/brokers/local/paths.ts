import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

/** The repository root, found from this file so the CLI works from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Everything the local brokers write lives under this one gitignored folder. */
export const MQLAB_DIR = path.join(REPO_ROOT, '.mqlab');

export const paths = {
  logFile: (broker: string) => path.join(MQLAB_DIR, 'logs', `${broker}.log`),
  dataDir: (broker: string) => path.join(MQLAB_DIR, 'data', broker),
  pidFile: (name: string) => path.join(MQLAB_DIR, 'run', `${name}.pid`),
  runDir: path.join(MQLAB_DIR, 'run'),
  /** Generated config files, one folder per broker that needs them. */
  configDir: (broker: string) => path.join(MQLAB_DIR, broker),
  kafkaLibs: path.join(MQLAB_DIR, 'kafka', 'libs'),
  nsqBin: path.join(MQLAB_DIR, 'nsq', 'bin'),
  infra: (...parts: string[]) => path.join(REPO_ROOT, 'infra', ...parts),
};

/**
 * Writes a file only its owner can read (it holds a broker secret). Removed first, so an
 * older, world-readable file does not keep its mode.
 */
export function writePrivateFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, text, { mode: 0o600 });
}

/** Paths shown to people are relative to the repo root; they are shorter and copy-pastable. */
export function shown(file: string): string {
  return path.relative(REPO_ROOT, file) || '.';
}
