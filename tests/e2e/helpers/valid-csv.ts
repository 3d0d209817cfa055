import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { CSV_HEADER, csvLine, recordAt } from '../../../scripts/bench-files';

/** Lines are written in runs of about this many characters, not one by one. */
const BATCH = 1024 * 1024;

/** A generated file as its sender knows it. */
export type SentFile = { path: string; size: number; rows: number; sha256: string };

/**
 * A valid delivery CSV of at most `bytes` bytes (less than a line short of it), written to disk as it
 * is generated (never whole in memory), its records counted and its SHA-256 taken on the way.
 * `variant` gives a file of the same size and records that is not a duplicate of another.
 */
export async function writeValidCsv(path: string, bytes: number, agbCode: string, variant = 0): Promise<SentFile> {
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  const estimate = Math.ceil(bytes / 90);
  let size = 0;
  let rows = 0;
  let batch = CSV_HEADER;
  for (let line = ''; ; rows += 1) {
    line = csvLine(recordAt(rows, estimate, agbCode, variant));
    const full = size + batch.length + line.length > bytes; // ASCII: a byte a character
    if (batch.length >= BATCH || full) {
      hash.update(batch);
      size += batch.length;
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
    if (full) break;
    batch += line;
  }
  out.end();
  await once(out, 'finish');
  return { path, size, rows, sha256: hash.digest('hex') };
}
