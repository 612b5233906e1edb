/**
 * Splits a byte stream into lines, bounding memory: a line longer than `maxLine` bytes is
 * cut there (reported `truncated`) and the rest of it is skipped.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;

  constructor(private readonly maxLine: number) {}

  push(chunk: Buffer): { line: string; truncated: boolean }[] {
    const out: { line: string; truncated: boolean }[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, nl), out);
      if (!this.skipping) out.push({ line: this.drain(), truncated: false });
      this.skipping = false;
      start = nl + 1;
    }
    this.take(chunk.subarray(start), out);
    return out;
  }

  /** Whatever is left when the stream ends. */
  flush(): { line: string; truncated: boolean }[] {
    if (this.skipping || this.pendingBytes === 0) return [];
    return [{ line: this.drain(), truncated: false }];
  }

  private take(part: Buffer, out: { line: string; truncated: boolean }[]) {
    if (this.skipping || part.length === 0) return;
    const room = this.maxLine - this.pendingBytes;
    if (part.length <= room) {
      this.pending.push(part);
      this.pendingBytes += part.length;
      return;
    }
    this.pending.push(part.subarray(0, room));
    this.pendingBytes += room;
    out.push({ line: this.drain(), truncated: true });
    this.skipping = true;
  }

  private drain(): string {
    const line = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    this.pendingBytes = 0;
    return line;
  }
}
