import { z } from 'zod';
import { runRoute } from '@/app/api/run-route';
import { AppError } from '@/lib/errors';
import { reportResponse, ZReportFormat } from '@/lib/renderers/report-download';
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

const describe = (url: URL) => {
  const q = Object.fromEntries(url.searchParams);
  return `spiegelrapportage ${JSON.stringify({ aanbieder: q.aanbieder, periode: q.periode, versie: q.versie, formaat: q.formaat }).slice(0, 300)}`;
};

/** GET ?aanbieder=<AGB>&periode=2026-K3&versie=intern|deelbaar&formaat=pdf|xlsx. Every download is in the audit log. */
export const GET = runRoute({
  access: { permission: 'report:view', object: describe },
  run: async ({ url, scope }) => {
    const q = ZQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success || !scope) throw new AppError('Kies een aanbieder, een periode, een versie en een formaat.');
    const report = await getSpiegelrapportage(scope, {
      agbCode: q.data.aanbieder,
      period: q.data.periode,
      version: q.data.versie,
    });
    return reportResponse(report, q.data.formaat);
  },
});
