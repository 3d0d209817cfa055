import { describe, expect, it } from 'vitest';
import { limiter } from '@/lib/promises';

// Figures computed in the background wait their turn in one limiter per process (figure-cache.ts):
// never more at once than it allows, none lost after a failure, in the order they came.
describe('limiter', () => {
  it('runs at most n at a time, in the order they came, and goes on after a failure', async () => {
    const limit = limiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const job = (i: number) =>
      limit(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        if (i === 3) throw new Error('kapot');
        return i;
      });
    const results = await Promise.allSettled(Array.from({ length: 9 }, (_, i) => job(i)));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'fout'))).toEqual([0, 1, 2, 'fout', 4, 5, 6, 7, 8]);
    // Its slots all came back: two more run at the same time (each waits until both have started;
    // with a slot lost, the second would never start and the test would time out).
    let arrived = 0;
    let bothIn: () => void = () => undefined;
    const both = new Promise<void>((r) => {
      bothIn = r;
    });
    const meet = () =>
      limit(async () => {
        if (++arrived === 2) bothIn();
        await both;
      });
    await Promise.all([meet(), meet()]);
    expect(arrived).toBe(2);
  });

  it('keeps new work waiting while a finished one hands its turn on', async () => {
    const limit = limiter(2);
    const flush = () => new Promise((r) => setTimeout(r, 0));
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const job = () =>
      limit(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
      });
    const jobs = [job(), job(), job()];
    await flush();
    expect(running).toBe(2);
    gates.shift()!(); // the first ends: the third gets its turn
    await flush();
    jobs.push(job(), job()); // these arrive now, with two running: they wait
    await flush();
    expect(running).toBe(2);
    while (gates.length) {
      gates.shift()!();
      await flush();
    }
    await Promise.all(jobs);
    expect(most).toBe(2);
  });
});
