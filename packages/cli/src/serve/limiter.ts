/**
 * At most `concurrency` holders at once and at most `queue` waiting: {@link Limiter.enter}
 * returns `undefined` when both are full (the caller answers 503), else a promise of the release
 * function, resolved when a slot is free. Waiters are served in arrival order.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /** Requests running now. */
  get active(): number {
    return this.running;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * A slot, now or when one frees up; `undefined` when every slot and the queue are taken.
   * Call the release function exactly once (it ignores later calls).
   */
  enter(): Promise<() => void> | undefined {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return undefined;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
