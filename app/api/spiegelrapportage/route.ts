import { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { errorResponse, reportResponse, ZReportFormat } from '@/lib/renderers/report-download';
import { getSpiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { parsePeriod } from '@/lib/services/reports/report-period';
import { AGB_CODE } from '@/lib/validation';

const ZQuery = z.object({
  aanbieder: z.string().regex(AGB_CODE),
  periode: z.string().transform((v, ctx) => {
    const period = parsePeriod(v);
    if (period) return period;
    ctx.addIssue({ code: 'custom', message: 'periode' });
    return z.NEVER;
  }),
  versie: z.enum(['intern', 'deelbaar']),
  formaat: ZReportFormat,
});

/** GET ?aanbieder=<AGB>&periode=2026-K3&versie=intern|deelbaar&formaat=pdf|xlsx. Every download is in the audit log. */
export async function GET(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const q = ZQuery.safeParse(params);
  const object = `spiegelrapportage ${JSON.stringify({ aanbieder: params.aanbieder, periode: params.periode, versie: params.versie, formaat: params.formaat }).slice(0, 300)}`;
  const scope = await requireScope('report:view', object);
  if (!q.success) return new Response('Kies een aanbieder, een periode, een versie en een formaat.', { status: 400 });
  try {
    const report = await getSpiegelrapportage(scope, {
      agbCode: q.data.aanbieder,
      period: q.data.periode,
      version: q.data.versie,
    });
    return await reportResponse(report, q.data.formaat);
  } catch (err) {
    return errorResponse(err, { scope, event: 'report:view', object });
  }
}
