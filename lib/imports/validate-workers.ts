import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadRow } from '@/lib/cbs/read-file';
import type { Domein } from '@/lib/generated/prisma/enums';
import type { CheckedRow } from './validate-file';

// Validation, the stage-2 pseudonym, the record keys and the COPY line take ~25 µs a record on one
// thread, five times the reading itself (bench:import). For a large file they run in worker threads:
// this thread reads the rows and hands them out in batches, round robin; each worker answers its
// batches in the order received, so the rows come back in file order (the row report and the
// once-per-file key check need that order). At most two batches per worker are out at a time, and no
// more are sent while the caller does not take rows (its COPY stream is full): memory stays flat.

const WORKER = pathToFileURL(path.join(process.cwd(), 'lib', 'imports', 'validate-worker.ts')).href;
/**
 * The worker's first lines: tsx loads the TypeScript source, as it does for the reader's child
 * process (read-upload.ts). Registered in the worker itself: `--import tsx` in a worker's execArgv
 * does not reach the worker's entry module on Node 20.
 */
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
const BATCH = 1000;
const IN_FLIGHT_PER_WORKER = 2;
/** Each worker's heap cap: a batch is small; a runaway worker ends the reader (the file is refused, nothing lost). */
const WORKER_HEAP_MB = 512;

export type WorkerJob = { agbCode: string; domein: Domein; copy: boolean };

/** One worker per core, at most four: on two cores PostgreSQL takes the COPY in between. */
export const workerCount = () => Math.max(1, Math.min(4, os.availableParallelism()));

function startWorker(job: WorkerJob) {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const waiting: { resolve: (rows: CheckedRow<string>[]) => void; reject: (err: Error) => void }[] = [];
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed ??= err;
    for (const w of waiting.splice(0)) w.reject(failed);
  };
  worker.on('message', (rows: CheckedRow<string>[]) => waiting.shift()?.resolve(rows));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`validatie-worker gestopt (exit ${code})`)));
  return {
    check(rows: ReadRow[]): Promise<CheckedRow<string>[]> {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(rows);
      });
    },
    stop: () => worker.terminate(),
  };
}

/** The same rows as checkedRows with a COPY line (or '' when `job.copy` is false) as value, checked in worker threads. */
export async function* checkedInWorkers(
  rows: AsyncIterable<ReadRow>,
  job: WorkerJob,
  count = workerCount(),
): AsyncGenerator<CheckedRow<string>> {
  const workers = Array.from({ length: count }, () => startWorker(job));
  const source = rows[Symbol.asyncIterator]();
  const out: Promise<CheckedRow<string>[]>[] = [];
  let sent = 0;
  let done = false;
  const send = async () => {
    const batch: ReadRow[] = [];
    while (batch.length < BATCH) {
      const next = await source.next();
      if (next.done) {
        done = true;
        break;
      }
      batch.push(next.value);
    }
    if (batch.length) {
      const result = workers[sent++ % count].check(batch);
      result.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
      out.push(result);
    }
  };
  try {
    for (;;) {
      while (!done && out.length < count * IN_FLIGHT_PER_WORKER) await send();
      const head = out.shift();
      if (!head) return;
      yield* await head;
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}
