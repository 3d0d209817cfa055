/** How long an import's steps took (ms), for bench:import; filled only when a caller passes one. */
export type ImportSteps = Record<string, number>;

/** Runs `fn`, adding its duration to `steps[name]` when `steps` is given. */
export async function timed<T>(steps: ImportSteps | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  if (!steps) return fn();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    steps[name] = (steps[name] ?? 0) + performance.now() - start;
  }
}
