import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';

describe('Limiter', () => {
  it('runs at most `concurrency`, queues at most `queue`, refuses the rest, in order', async () => {
    const limiter = new Limiter(2, 1);
    const a = await limiter.enter()!;
    const b = await limiter.enter()!;
    const order: string[] = [];
    const c = limiter.enter()!.then((release) => {
      order.push('c');
      return release;
    });
    expect(limiter.enter()).toBeUndefined();
    expect([limiter.active, limiter.queued]).toEqual([2, 1]);
    a();
    a(); // a second release is ignored
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect([limiter.active, limiter.queued]).toEqual([2, 0]);
    b();
    releaseC();
    expect([limiter.active, limiter.queued]).toEqual([0, 0]);
  });
});
