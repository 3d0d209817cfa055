/**
 * Resolves when `p` has settled, whichever way: to wait for work without taking over its failure
 * (the rejection stays for `p`'s own awaiters), and to mark a promise a page may not await as
 * observed, so its failure is never an unhandled rejection.
 */
export const settled = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

/** Runs the functions it is given at most `n` at a time, the others in the order they came. */
export function limiter(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
