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
