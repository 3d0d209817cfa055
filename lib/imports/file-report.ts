import { z } from 'zod';
import type { FileReport } from './validate-file';

// The upload report as stored in a JSON column, parsed at the edge of the database: a row that does not
// have the shape (an older or damaged record) reads as "no report" instead of crashing a page.
const ZRowError = z.object({
  line: z.number(),
  field: z.string(),
  value: z.string(),
  code: z.string(),
  message: z.string(),
});

/** The refusal when the stored copy of an upload cannot be read (gone, or altered: decryption fails). */
export const STORED_FILE_UNREADABLE = 'Het opgeslagen bestand kon niet worden gelezen. Lever het opnieuw aan.';

export const ZFileReport = z.object({
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  errors: z.array(ZRowError),
  fileError: z.string().optional(),
  written: z.number().optional(),
});

/** The report as CSV rows (regel, veld, waarde, code, melding): the refusal of the file first, then every row error. */
export const REPORT_CSV_HEADER = ['regel', 'veld', 'waarde', 'code', 'melding'];
export function reportCsvRows(report: FileReport | null): (string | number)[][] {
  const refusal = report?.fileError ? [['', 'bestand', '', 'AFGEWEZEN', report.fileError]] : [];
  return [...refusal, ...(report?.errors ?? []).map((e) => [e.line, e.field, e.value, e.code, e.message])];
}

export const parseFileReport = (json: unknown): FileReport | null => {
  const parsed = ZFileReport.safeParse(json);
  return parsed.success ? (parsed.data as FileReport) : null;
};
