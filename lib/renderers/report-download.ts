import { z } from 'zod';
import type { ConversationRecord } from '@/lib/services/conversations/conversation-record';
import type { Spiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { spiegelrapportagePdf } from './spiegel-pdf';
import { spiegelrapportageXlsx } from './spiegel-xlsx';

export const ZReportFormat = z.enum(['pdf', 'xlsx']);
export type ReportFormat = z.infer<typeof ZReportFormat>;

const TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A report as a download response (PDF or Excel). */
export async function reportResponse(
  r: Spiegelrapportage,
  format: ReportFormat,
  name = 'spiegelrapportage',
  record?: ConversationRecord,
): Promise<Response> {
  const body = format === 'pdf' ? await spiegelrapportagePdf(r, record) : await spiegelrapportageXlsx(r, record);
  const file = `${name}-${r.aanbieder.agbCode}-${r.period.key}-${r.version}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${file}"`,
    },
  });
}
