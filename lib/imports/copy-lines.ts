import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { isZip, openFile } from '@/lib/cbs/read-file';
import { readXlsx } from '@/lib/cbs/read-xlsx-records';
import type { Domein } from '@/lib/generated/prisma/enums';
import { type FileSource, firstSlice } from '@/lib/uploads/file-store';
import { copyLine, currentLineKeys } from './copy-line';
import { type FileReport, firstRawOf, reportRows, validateRecords } from './validate-file';
import { checkedInWorkers } from './validate-workers';

// A file's valid records as COPY text, written to a stream in chunks (copy-line.ts makes one line).

const CHUNK = 256 * 1024;

/** Lines gathered into chunks of ~256 KB and written to `out`, waiting while it is full. */
export function chunkedWriter(out: Writable) {
  let chunk = '';
  const flush = async () => {
    if (!chunk) return;
    const ok = out.write(chunk);
    chunk = '';
    // events.once rejects on 'error' as well, and removes both its listeners either way.
    if (!ok) await once(out, 'drain');
  };
  return {
    add(line: string) {
      chunk += line;
      if (chunk.length > CHUNK) return flush();
    },
    flush,
  };
}

/** From this size on a file is checked in worker threads; below it, starting them costs more than it saves. */
export const PARALLEL_FROM_BYTES = 2 * 1024 * 1024;

/**
 * Validates a file and writes its valid records to `out` as COPY lines, in chunks, waiting when `out`
 * is full (memory stays flat in the file size: a large text file is read in slices). `out` null:
 * validation only (a test file).
 */
export async function writeCopyLines(
  file: FileSource,
  agbCode: string,
  domein: Domein,
  out: Writable | null,
): Promise<FileReport> {
  const keys = currentLineKeys();
  const lines = out ? chunkedWriter(out) : null;
  const expected = { agbCode, domein };
  const report =
    file.size < PARALLEL_FROM_BYTES
      ? await validateRecords(await file.whole(), agbCode, (r) => lines?.add(copyLine(r, keys)), domein)
      : await reportRows(
          checkedInWorkers(file, { ...expected, copy: out !== null }),
          expected,
          (line) => lines?.add(line),
          // Only for a file refused whole (the hint that it fits the other domain): a workbook is read
          // in slices as the import reads it, up to its first row; of a text file the first slice
          // holds the first record.
          async () => {
            const head = await firstSlice(file);
            return firstRawOf(() => (isZip(head) ? readXlsx(file.slices, file.size) : openFile(head)));
          },
        );
  await lines?.flush();
  return report;
}
