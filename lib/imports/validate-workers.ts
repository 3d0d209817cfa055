import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fileKind, isZip } from '@/lib/cbs/read-file';
import { type OpenText, openText, openTextSlices, type TextFormat } from '@/lib/cbs/read-text-records';
import { readSheet } from '@/lib/cbs/read-xlsx-records';
import type { RowError } from '@/lib/cbs/validate-record';
import type { SheetStart } from '@/lib/cbs/xlsx-xml';
import type { Domein } from '@/lib/generated/prisma/enums';
import { type FileSource, firstSlice } from '@/lib/uploads/file-store';
import type { CheckedRow } from './check-row';

// Validation, the stage-2 pseudonym, the record keys and the COPY line take ~25 µs a record on one
// thread, ten times the reading itself (bench:import). For a large file they run in worker threads.
// This thread only cuts the file into batches of 1,000 lines and hands them out round robin: a text
// file as bytes (the worker decodes and parses them: copying bytes is far cheaper than cloning a
// thousand records), an Excel file as the XML of its rows (its zip is inflated here, the cells are read
// in the worker, which first gets the sheet's shared strings and header). Each worker answers in the order
// received, so the rows come back in file order, which the row report and the once-per-file key check
// need. At most two batches per worker are out at a time, and none is sent while the caller does not
// take rows (its COPY stream is full): memory stays flat.

/**
 * The worker's first line: it imports the worker's bundle, beside the reader's own (reader-bundle.ts);
 * workers run only in the reader's process, whose entry module is that bundle. (Code to evaluate, not
 * a file: the portal's bundler, which also sees this module, would try to bundle a worker's file.)
 */
const boot = () =>
  `import(${JSON.stringify(pathToFileURL(path.join(path.dirname(process.argv[1]), 'validate-worker.mjs')).href)})`;
const BATCH = 1000;
const IN_FLIGHT_PER_WORKER = 2;
/**
 * Each worker's heap: the old generation capped (a runaway worker ends the reader: the file is refused,
 * nothing lost), the young generation small. A million CSV records through bench:import in one hour:
 * young generation 16 MB, reading step 21–26 s, reader 300 MB at its peak; 32 MB 24–25 s, 350 MB;
 * 64 MB 22–23 s, 423–448 MB. No speed difference above this machine's noise, a clear one in memory.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 };

export type WorkerJob = { agbCode: string; domein: Domein; copy: boolean };

/**
 * One batch for a worker: the rows of a sheet as XML (after the sheet's start, which every worker gets
 * once and does not answer), or lines of a text file as bytes, with how to read them.
 */
export type WorkerInput =
  | { sheetStart: SheetStart }
  | { sheetRows: { lines: number[]; ends: number[]; xml: string } }
  | { text: { format: TextFormat; encoding: OpenText['encoding']; line: number; bytes: Uint8Array } };

/**
 * A worker's answer for one batch, row i of it: its line number, its key ('' when it has errors, then
 * in errors[i]) and its COPY line, copy.slice(ends[i - 1] ?? 0, ends[i]).
 */
export type CheckedBatch = {
  lines: number[];
  keys: string[];
  errors: Record<number, RowError[]>;
  copy: string;
  ends: number[];
};

function* rowsOf(batch: CheckedBatch): Generator<CheckedRow<string>> {
  let start = 0;
  for (let i = 0; i < batch.lines.length; i++) {
    const line = batch.lines[i];
    if (batch.keys[i] === '') yield { line, errors: batch.errors[i] };
    else yield { line, key: batch.keys[i], value: batch.copy.slice(start, batch.ends[i]) };
    start = batch.ends[i];
  }
}

/** One worker per core, at most four: on two cores PostgreSQL takes the COPY in between. */
export const workerCount = () => Math.max(1, Math.min(4, os.availableParallelism()));

function startWorker(job: WorkerJob) {
  const worker = new Worker(boot(), { eval: true, workerData: job, resourceLimits: WORKER_HEAP });
  const waiting: { resolve: (batch: CheckedBatch) => void; reject: (err: Error) => void }[] = [];
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed ??= err;
    for (const w of waiting.splice(0)) w.reject(failed);
  };
  worker.on('message', (batch: CheckedBatch) => waiting.shift()?.resolve(batch));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`validatie-worker gestopt (exit ${code})`)));
  return {
    /** What every later batch needs (a sheet's start): no answer. */
    tell(input: WorkerInput) {
      worker.postMessage(input);
    },
    check(input: WorkerInput): Promise<CheckedBatch> {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        // The bytes of a text batch are its own copy: moved to the worker, not cloned again.
        worker.postMessage(input, 'text' in input ? [input.text.bytes.buffer as ArrayBuffer] : []);
      });
    },
    stop: () => worker.terminate(),
  };
}

/**
 * The batches of a text file from its slices (one buffer, or a stored file read a megabyte at a
 * time): runs of BATCH lines from the body's start, each its own copy of their bytes (a line cut by a
 * slice's end is carried into the next batch).
 */
async function* textBatches(
  slices: AsyncIterable<Buffer> | Iterable<Buffer>,
  text: OpenText,
): AsyncGenerator<WorkerInput> {
  let skip = text.body.start;
  let line = text.body.line;
  let parts: Buffer[] = [];
  let lines = 0;
  const batch = (): WorkerInput => {
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const input: WorkerInput = { text: { format: text.format, encoding: text.encoding, line, bytes } };
    line += lines;
    parts = [];
    lines = 0;
    return input;
  };
  for await (let slice of slices) {
    if (skip >= slice.length) {
      skip -= slice.length;
      continue;
    }
    slice = slice.subarray(skip);
    skip = 0;
    let start = 0;
    while (start < slice.length) {
      let end = start;
      while (lines < BATCH) {
        const newline = slice.indexOf(0x0a, end);
        if (newline === -1) break;
        end = newline + 1;
        lines += 1;
      }
      if (lines < BATCH) end = slice.length;
      parts.push(slice.subarray(start, end));
      if (lines === BATCH) yield batch();
      start = end;
    }
  }
  if (parts.length) yield batch();
}

/** The batches of an Excel file: its start, then the XML of its rows, BATCH at a time in one string. */
async function* sheetBatches(parts: ReturnType<typeof readSheet>): AsyncGenerator<WorkerInput> {
  let batch = { lines: [] as number[], ends: [] as number[], xml: [] as string[] };
  let end = 0;
  const take = () => {
    const input = { sheetRows: { lines: batch.lines, ends: batch.ends, xml: batch.xml.join('') } };
    batch = { lines: [], ends: [], xml: [] };
    end = 0;
    return input;
  };
  for await (const part of parts) {
    if ('start' in part) {
      yield { sheetStart: part.start };
      continue;
    }
    for (const row of part.rows) {
      batch.lines.push(row.line);
      batch.xml.push(row.xml);
      end += row.xml.length;
      batch.ends.push(end);
      if (batch.lines.length === BATCH) yield take();
    }
  }
  if (batch.lines.length) yield take();
}

/**
 * The batches of a large file, read in slices and never held whole: an Excel file twice (the zip
 * parts, then the sheet: readSheet), a text file twice (the encoding is decided over the whole file
 * first). Only a text file whose head openTextSlices cannot place is read whole.
 */
async function* fileBatches(file: FileSource, head: Buffer): AsyncGenerator<WorkerInput> {
  if (isZip(head)) return yield* sheetBatches(readSheet(file.slices, file.size));
  fileKind(head); // a foreign file (PDF, image, old Excel) is refused by its first bytes
  const text = await openTextSlices(file.slices);
  if (text) return yield* textBatches(file.slices(), text);
  const buf = await file.whole();
  yield* textBatches([buf], openText(buf));
}

/**
 * The rows of the file as checkedRows gives them, with a COPY line (or '' when `job.copy` is false) as
 * value, checked in worker threads. An unreadable file throws FileRejected while iterating, as there.
 */
export async function* checkedInWorkers(
  file: FileSource,
  job: WorkerJob,
  workers?: number,
): AsyncGenerator<CheckedRow<string>> {
  const first = await firstSlice(file);
  const count = workers ?? workerCount();
  const batches = fileBatches(file, first);
  const started = Array.from({ length: count }, () => startWorker(job));
  const out: Promise<CheckedBatch>[] = [];
  let sent = 0;
  let done = false;
  try {
    for (;;) {
      while (!done && out.length < count * IN_FLIGHT_PER_WORKER) {
        const next = await batches.next();
        if (next.done) done = true;
        else if ('sheetStart' in next.value) for (const w of started) w.tell(next.value);
        else {
          const result = started[sent++ % count].check(next.value);
          result.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
          out.push(result);
        }
      }
      const head = out.shift();
      if (!head) return;
      yield* rowsOf(await head);
    }
  } finally {
    await Promise.all(started.map((w) => w.stop()));
  }
}
