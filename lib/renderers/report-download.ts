import { z } from 'zod';
import type { Scope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { writeAudit } from '@/lib/audit/write-audit';
import { AppError } from '@/lib/errors';
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

/** A report as a download response (PDF or Excel), never cached. */
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
      'Cache-Control': 'no-store',
    },
  });
}

/** An AppError as the answer of a download route; a refusal is logged as such next to the access. */
export async function errorResponse(
  err: unknown,
  refused: { scope: Scope; event: string; object: string },
): Promise<Response> {
  if (!(err instanceof AppError)) throw err;
  if (err.status === 403 || err.status === 404) {
    await writeAudit({
      event: refused.event,
      actor: refused.scope.user,
      object: refused.object,
      outcome: 'geweigerd',
      address: await requestAddress(),
    });
  }
  return new Response(err.message, { status: err.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
