import type { RawRecord } from '@/lib/cbs/layout';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { FileRejected, openFile, type ReadRow } from '@/lib/cbs/read-file';
import { BSN_CODE, type RowError, type ValidRecord, validateRecord } from '@/lib/cbs/validate-record';
import type { Domein } from '@/lib/generated/prisma/enums';
import { type CheckedRow, checkRow } from './check-row';
import { LineOfKey } from './line-of-key';

export type FileReport = {
  rows: number;
  accepted: number;
  rejected: number;
  errors: RowError[];
  /** Set when the file as a whole was refused: one clear message. */
  fileError?: string;
  /** A production file's approved records that were new or changed (the rest were known as they are). */
  written?: number;
};

const MAX_REPORTED_ERRORS = 10_000;

/**
 * A file's rows, validated in this thread (checkRow); validate-workers.ts does the same over worker
 * threads for large files.
 */
async function* checkedRows<T>(
  rows: AsyncIterable<ReadRow> | Iterable<ReadRow>,
  expected: { agbCode: string; domein: Domein },
  keep: (r: ValidRecord) => T,
): AsyncGenerator<CheckedRow<T>> {
  for await (const row of rows) yield checkRow(row, expected, keep);
}

/**
 * The report of a file from its checked rows, handing each accepted value to `onValue` as it goes
 * (so a million rows never sit in memory at once). The one home of the rules over a whole file: a key
 * once per file, a BSN refuses the file, no rows or no valid row refuses it. Never throws for bad
 * input: the report says what is wrong. When the whole file is refused, values already handed out
 * must be discarded (the caller's transaction is rolled back or its staging dropped). `firstRaw` gives
 * the first raw record, to tell a provider that a refused file fits the other domain.
 */
export async function reportRows<T>(
  rows: AsyncIterable<CheckedRow<T>>,
  expected: { agbCode: string; domein: Domein },
  onValue: (value: T) => unknown,
  firstRaw: () => RawRecord | null | Promise<RawRecord | null>,
): Promise<FileReport> {
  const { agbCode, domein } = expected;
  const report: FileReport = { rows: 0, accepted: 0, rejected: 0, errors: [] };
  const seen = new LineOfKey();
  const bsnLines: number[] = [];
  const addErrors = (errs: RowError[]) => {
    for (const e of errs) {
      if (e.code === BSN_CODE) bsnLines.push(e.line);
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(e);
    }
  };
  try {
    for await (const row of rows) {
      report.rows += 1;
      if ('errors' in row) {
        report.rejected += 1;
        addErrors(row.errors);
        continue;
      }
      // The key (AGB, trajectnummer, respondent) may occur once per file; a later file replaces it.
      const first = seen.firstLineOrAdd(row.key, row.line);
      if (first !== undefined) {
        report.rejected += 1;
        addErrors([
          {
            line: row.line,
            field: 'traject_id',
            value: row.key.slice(0, row.key.indexOf('\u0000')).slice(0, 60),
            code: 'DUBBELE_SLEUTEL',
            message: `Dit trajectnummer met deze respondent staat al op regel ${first}.`,
          },
        ]);
        continue;
      }
      report.accepted += 1;
      const pending = onValue(row.value);
      if (pending instanceof Promise) await pending;
    }
  } catch (err) {
    if (!(err instanceof FileRejected)) throw err;
    return { ...report, accepted: 0, fileError: err.message };
  }
  // A BSN must never be kept: the whole file is refused (nothing of it is imported) and the caller
  // deletes the stored copy at once (processUpload), not after the retention period.
  if (bsnLines.length) {
    const more = bsnLines.length > 1 ? ` en ${bsnLines.length - 1} andere regel(s)` : '';
    report.fileError = `Op regel ${bsnLines[0]}${more} staat in de kolom cliëntnummer een BSN. Het bestand is geweigerd en direct verwijderd; lever het opnieuw aan met uw eigen pseudoniem in plaats van het BSN.`;
    report.accepted = 0;
  } else if (report.rows === 0)
    report.fileError = 'Het bestand bevat geen records (alleen een kopregel of lege regels).';
  else if (report.accepted === 0) {
    report.fileError =
      'Geen enkel record is goedgekeurd; het bestand is als geheel afgewezen. Zie de fouten per regel.';
    // A file of the other domain fails on every row: say so, rather than leave a provider to read
    // a thousand hulpvorm errors.
    const other: Domein = domein === 'JEUGD' ? 'WMO' : 'JEUGD';
    const raw = await firstRaw();
    if (raw && validateRecord(raw, 0, agbCode, other).record)
      report.fileError += ` De regels passen wel bij ${DOMEIN_LABEL[other]}: lever dit bestand aan als ${DOMEIN_LABEL[other]}.`;
  }
  return report;
}

/** The rows of a file, opened on the first read: an unreadable file is refused inside reportRows like any other. */
async function* fileRows(buf: Buffer): AsyncGenerator<ReadRow> {
  yield* openFile(buf);
}

/** The first raw record of a file's rows: reportRows' domain hint, read again only for a file refused whole. */
export async function firstRawOf(rows: () => AsyncIterable<ReadRow> | Iterable<ReadRow>): Promise<RawRecord | null> {
  try {
    for await (const row of rows()) if ('raw' in row) return row.raw;
  } catch {}
  return null;
}

/**
 * Reads and validates a file row by row in this thread, handing each valid record to `onRecord` as it
 * goes (an unreadable file becomes the report's fileError).
 */
export async function validateRecords(
  buf: Buffer,
  agbCode: string,
  onRecord: (r: ValidRecord) => unknown,
  domein: Domein = 'JEUGD',
): Promise<FileReport> {
  const expected = { agbCode, domein };
  return reportRows(
    checkedRows(fileRows(buf), expected, (r) => r),
    expected,
    onRecord,
    () => firstRawOf(() => openFile(buf)),
  );
}

/** The same, collecting the records: for small files and tests. */
export async function validateFile(
  buf: Buffer,
  agbCode: string,
  domein: Domein = 'JEUGD',
): Promise<{ report: FileReport; records: ValidRecord[] }> {
  const records: ValidRecord[] = [];
  const report = await validateRecords(buf, agbCode, (r) => records.push(r), domein);
  return { report, records: report.fileError ? [] : records };
}
