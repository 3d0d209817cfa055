import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Domein } from '@/lib/generated/prisma/enums';
import { parseFileReport } from './file-report';
import { READER_ENTRY, readerBundle } from './reader-bundle';
import type { FileReport } from './validate-file';

// Reading (and decrypting) the stored file, validating, pseudonymising and keying happen in a child
// process, for three reasons:
// - it runs on another core while PostgreSQL takes in the lines of the COPY, instead of taking
//   turns on one thread (measured: a small gain, 51 -> 48 s for a million records; docs/benchmarks.md);
// - the web server stays responsive: the job runs inside it (instrumentation.ts), and a 100 MB file
//   would otherwise block its event loop for many seconds;
// - a file that makes the reader run out of memory (say, a crafted spreadsheet) ends the child,
//   whose heap is capped, not the portal: the file is refused with a message, and nothing is lost.
// The lines flow through a pipe into the COPY stream: the pipe's backpressure keeps their memory flat.
// The portal never holds the plaintext; the child holds it once.

/** The child's heap cap. Buffers (the file itself) live outside it. */
const MAX_HEAP_MB = 1536;
/**
 * The child's young generation (per semi-space; V8's default is 16 MB). What its main thread makes lives
 * for microseconds (COPY lines, a workbook's XML on its way to the workers), so a small nursery is swept
 * often and cheaply: a million CSV records through bench:import, the reader 232 → 200 MB at its peak,
 * reading 22.6–24.6 s → 21.9–23.2 s; 200,000 Excel rows 223 → 181 MB at the same speed (session 19; with
 * ExcelJS, whose row objects lived longer, a small nursery had made them a third slower).
 */
const SEMI_SPACE_MB = 4;
/**
 * glibc's malloc, told to give every block of 64 KB or more its own mapping, returned to the system
 * when it is freed. Left to itself it raises that threshold to the largest block freed so far (the
 * 1 MB slices of the decrypted file), and the reader's many short-lived 64 KB buffers (a zip's slices
 * through fflate) then stay in its heap after they are freed: an Excel file's first pass took the
 * reader from 62 to ~165 MB, which it kept for the rest of the file. With this, ~114 MB, and its peak
 * for 200,000 Excel rows 162–165 MB instead of 184–215 MB (session 26, docs/benchmarks.md). Other
 * C libraries ignore the variable.
 */
const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: String(64 * 1024) };
/**
 * The child's time limit: the largest file (200 MB) is read in about a minute on two cores (README,
 * Benchmarks), so a reader still busy after ten is stuck on a crafted file, and is stopped.
 */
const MAX_READ_MS = 10 * 60_000;

export const UNREADABLE =
  'Het bestand kon niet worden gelezen: het is te groot of beschadigd, of het lezen duurde te lang. Controleer het bestand en lever het opnieuw aan.';

/**
 * The report of the stored upload, read and decrypted by the child; with `copyTo`, the valid records' COPY lines are written
 * to it meanwhile (it is not ended: the caller ends the COPY). A failing `copyTo` rejects (the
 * caller's transaction rolls back); a failing reader gives a refused file's report.
 */
export async function readUpload(
  stored: { uploadId: string; storagePath: string },
  expected: { agbCode: string; domein: Domein },
  copyTo: Writable | null,
): Promise<FileReport> {
  const { agbCode } = expected;
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${MAX_HEAP_MB}`,
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
      path.join(await readerBundle(), READER_ENTRY),
      agbCode,
      expected.domein,
      copyTo ? 'copy' : 'validate',
      stored.uploadId,
      stored.storagePath,
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'pipe'], env: { ...process.env, ...MALLOC_ENV } },
  );
  const [, stdout, , reportPipe] = child.stdio as unknown as [null, Readable, null, Readable];
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const timer = setTimeout(() => child.kill('SIGKILL'), MAX_READ_MS);
  void exited.finally(() => clearTimeout(timer));
  const reportParts: Buffer[] = [];
  reportPipe.on('data', (part: Buffer) => reportParts.push(part));

  let copyFailed: Error | null = null;
  if (copyTo) {
    const onError = (err: Error) => {
      copyFailed = err;
      child.kill();
    };
    copyTo.once('error', onError);
    stdout.pipe(copyTo, { end: false });
    await exited;
    copyTo.off('error', onError);
  } else {
    stdout.resume();
  }
  const [code, signal] = await exited;
  if (copyFailed) throw copyFailed;
  const report = code === 0 ? parseFileReport(jsonOrNull(Buffer.concat(reportParts).toString('utf8'))) : null;
  if (!report) {
    console.error(`[import] lezen mislukt (exit ${code ?? signal}) voor AGB ${agbCode}`);
    return { rows: 0, accepted: 0, rejected: 0, errors: [], fileError: UNREADABLE };
  }
  return report;
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
