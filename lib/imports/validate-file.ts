import type { RawRecord } from '@/lib/cbs/layout';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { FileRejected, openFile } from '@/lib/cbs/read-file';
import { BSN_CODE, type RowError, type ValidRecord, validateRecord } from '@/lib/cbs/validate-record';
import type { Domein } from '@/lib/generated/prisma/enums';

export type FileReport = {
  rows: number;
  accepted: number;
  rejected: number;
  errors: RowError[];
  /** Set when the file as a whole was refused: one clear message. */
  fileError?: string;
};

const MAX_REPORTED_ERRORS = 10_000;

/**
 * Reads and validates a file row by row, handing each valid record to `onRecord` as it goes (so a
 * million rows never sit in memory at once). Never throws for bad input: the report says what is
 * wrong. When the whole file is refused, records already handed out must be discarded (the
 * caller's transaction is rolled back or its staging dropped).
 */
export async function validateRecords(
  buf: Buffer,
  agbCode: string,
  onRecord: (r: ValidRecord) => unknown,
  domein: Domein = 'JEUGD',
): Promise<FileReport> {
  const report: FileReport = { rows: 0, accepted: 0, rejected: 0, errors: [] };
  const seen = new Map<string, number>();
  const bsnLines: number[] = [];
  let firstRaw: RawRecord | null = null;
  const addErrors = (errs: RowError[]) => {
    for (const e of errs) {
      if (e.code === BSN_CODE) bsnLines.push(e.line);
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(e);
    }
  };
  try {
    for await (const row of openFile(buf)) {
      report.rows += 1;
      if ('error' in row) {
        report.rejected += 1;
        addErrors([row.error]);
        continue;
      }
      firstRaw ??= row.raw;
      const { record, errors } = validateRecord(row.raw, row.line, agbCode, domein);
      if (!record) {
        report.rejected += 1;
        addErrors(errors);
        continue;
      }
      // The key (AGB, trajectnummer, respondent) may occur once per file; a later file replaces it.
      const key = `${record.trajectId}\u0000${record.respondent ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report.rejected += 1;
        addErrors([
          {
            line: row.line,
            field: 'traject_id',
            value: record.trajectId,
            code: 'DUBBELE_SLEUTEL',
            message: `Dit trajectnummer met deze respondent staat al op regel ${first}.`,
          },
        ]);
        continue;
      }
      seen.set(key, row.line);
      report.accepted += 1;
      const pending = onRecord(record);
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
    if (firstRaw && validateRecord(firstRaw, 0, agbCode, other).record)
      report.fileError += ` De regels passen wel bij ${DOMEIN_LABEL[other]}: lever dit bestand aan als ${DOMEIN_LABEL[other]}.`;
  }
  return report;
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
