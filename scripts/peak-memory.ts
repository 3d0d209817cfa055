import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Peak resident memory in bytes: each part its own peak, total the peak of their sum (memory-sampler.mjs). */
export type MemoryPeak = { total: number; portal: number; reader: number };

/**
 * Samples the memory of process `pid` and its children from outside (scripts/memory-sampler.mjs, which
 * says what counts as which; `command`: pid is a command such as npm run import:file) from the moment
 * this resolves until `stop`.
 */
export async function sampleMemory(pid: number, mode: 'portal' | 'command' = 'portal') {
  const sampler = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'memory-sampler.mjs'), String(pid), ...(mode === 'command' ? ['command'] : [])],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: sampler.stdout! })[Symbol.asyncIterator]();
  await lines.next(); // "ready": the first sample is taken
  return {
    async stop(): Promise<MemoryPeak> {
      sampler.stdin!.end();
      try {
        return JSON.parse((await lines.next()).value);
      } finally {
        sampler.kill();
      }
    },
    kill: () => sampler.kill(),
  };
}

/** The peak memory of this process (the portal) and of the import's reader while `fn` runs. */
export async function peakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; peak: MemoryPeak }> {
  const sampling = await sampleMemory(process.pid);
  try {
    const result = await fn();
    return { result, peak: await sampling.stop() };
  } finally {
    sampling.kill();
  }
}
