import type { ReadRow } from '@/lib/cbs/read-text-records';
import { type RowError, type ValidRecord, validateRecord } from '@/lib/cbs/validate-record';
import type { Domein } from '@/lib/generated/prisma/enums';

// One row of a delivery checked on its own, in this thread or in a worker thread (validate-worker.ts,
// which loads only what a row needs: no spreadsheet reader, no database client).

/** A row after validation: its errors, or its key (AGB is the file's) with what the caller keeps of the record. */
export type CheckedRow<T> = { line: number; errors: RowError[] } | { line: number; key: string; value: T };

/**
 * One row as read, validated (a row the reader already refused keeps its error); `keep` makes what the
 * caller needs of a valid record (a COPY line, the record itself).
 */
export function checkRow<T>(
  row: ReadRow,
  expected: { agbCode: string; domein: Domein },
  keep: (r: ValidRecord) => T,
): CheckedRow<T> {
  if ('error' in row) return { line: row.line, errors: [row.error] };
  const { record, errors } = validateRecord(row.raw, row.line, expected.agbCode, expected.domein);
  if (!record) return { line: row.line, errors };
  return { line: row.line, key: `${record.trajectId}\u0000${record.respondent ?? ''}`, value: keep(record) };
}
