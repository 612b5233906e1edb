const BUCKET_MS = 100;
const BUCKETS = 10;

/** Events per second over the last second, in ten 100 ms buckets: O(1) to add and to read. */
export class RateWindow {
  private counts = new Array<number>(BUCKETS).fill(0);
  private stamps = new Array<number>(BUCKETS).fill(-1);

  add(now: number, n = 1): void {
    const slot = Math.floor(now / BUCKET_MS);
    const i = slot % BUCKETS;
    if (this.stamps[i] !== slot) {
      this.stamps[i] = slot;
      this.counts[i] = 0;
    }
    this.counts[i]! += n;
  }

  perSecond(now: number): number {
    const slot = Math.floor(now / BUCKET_MS);
    let sum = 0;
    for (let i = 0; i < BUCKETS; i++) if (slot - this.stamps[i]! < BUCKETS) sum += this.counts[i]!;
    return sum * (1000 / (BUCKETS * BUCKET_MS));
  }
}
