/** How a slowed script is frozen and thawed in turns. */
export const SLOW_PERIOD_MS = 200;

/**
 * Makes a script slow by freezing and thawing its cgroup in turns: in every period of
 * SLOW_PERIOD_MS it runs for 1/factor of it. Everything the process does slows down with it —
 * its handler's CPU work, its timers and its reads from the broker — while its connections
 * stay open, which is what a starved consumer looks like to the broker (prefetch stays full,
 * acks come late, lag grows). CPU throttling (cgroup cpu.max) would not slow a consumer that
 * mostly waits, and the cpu controller is not in every cgroup layout the runtime supports;
 * the freezer is (pause uses it).
 */
export class SlowDown {
  private timer: NodeJS.Timeout | undefined;
  private freezeTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly freeze: (frozen: boolean) => boolean,
    readonly factor: number,
    readonly periodMs = SLOW_PERIOD_MS,
  ) {}

  start(): void {
    const runMs = Math.max(1, Math.round(this.periodMs / this.factor));
    const cycle = () => {
      if (this.stopped) return;
      this.freeze(false);
      this.freezeTimer = setTimeout(() => {
        if (!this.stopped && !this.freeze(true)) this.stop(); // gone: nothing left to slow
      }, runMs);
    };
    cycle();
    this.timer = setInterval(cycle, this.periodMs);
  }

  /** Stops the cycle; `thaw` leaves the script running (false when it is about to be frozen or killed anyway). */
  stop(thaw = true): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.freezeTimer);
    if (thaw) this.freeze(false);
  }
}
