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

export const ZFileReport = z.object({
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  errors: z.array(ZRowError),
  fileError: z.string().optional(),
});

export const parseFileReport = (json: unknown): FileReport | null => {
  const parsed = ZFileReport.safeParse(json);
  return parsed.success ? (parsed.data as FileReport) : null;
};
