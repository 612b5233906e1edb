import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';
import { LineSplitter } from './lineSplitter';

const run = promisify(execFile);
/** A trace frame longer than this is dropped (events are small; the payload preview is capped). */
const MAX_FRAME = 64 * 1024;

/**
 * The supervisor's end of a script's trace pipe. Opened read-write so opening never blocks
 * and the pipe never reports EOF early: what the script wrote before dying is still read.
 */
export class TraceFifo {
  private socket: net.Socket | undefined;
  private readonly lines = new LineSplitter(MAX_FRAME);
  dropped = 0;

  private constructor(readonly file: string) {}

  static async create(file: string): Promise<TraceFifo> {
    await run('mkfifo', ['-m', '0666', file]);
    // mkfifo's mode is filtered by the umask; the sandbox uid must be able to write.
    fs.chmodSync(file, 0o666);
    return new TraceFifo(file);
  }

  start(onFrame: (frame: string) => void): void {
    const fd = fs.openSync(this.file, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
    this.socket = new net.Socket({ fd, readable: true, writable: false });
    this.socket.on('data', (chunk: Buffer) => {
      for (const { line, truncated } of this.lines.push(chunk)) {
        if (truncated) this.dropped++;
        else onFrame(line);
      }
    });
    this.socket.on('error', () => {});
  }

  /** Gives the kernel buffer a moment to drain after the writer died, then closes. */
  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.socket = undefined;
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.destroy();
  }
}
