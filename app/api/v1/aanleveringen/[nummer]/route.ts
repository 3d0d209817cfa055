import { runRoute } from '@/app/api/run-route';
import { expectScope } from '@/lib/access/scope';
import { AppError } from '@/lib/errors';
import { toCsvDownload } from '@/lib/exports/csv';
import { deliveryStatusJson } from '@/lib/exports/delivery-json';
import { REPORT_CSV_HEADER, reportCsvRows } from '@/lib/imports/file-report';
import { deliveryTokenScope } from '@/lib/services/api-tokens/authenticate-api-token';
import { findUpload } from '@/lib/services/uploads/find-upload';

/** A delivery's status and row report: JSON, or the report as CSV with `Accept: text/csv`. Another provider's is "not found". */
export const GET = runRoute<{ nummer: string }>({
  access: {
    token: deliveryTokenScope,
    event: 'api:aanlevering-status',
    object: (_url, p) => `aanlevering ${p.nummer}`,
  },
  run: async ({ req, params, scope }) => {
    const upload = await findUpload(expectScope(scope!, 'aanbieder'), params.nummer);
    if (!upload) throw new AppError('Deze aanlevering bestaat niet.', 404);
    if ((req.headers.get('accept') ?? '').includes('text/csv')) {
      return new Response(toCsvDownload(REPORT_CSV_HEADER, reportCsvRows(upload.report)), {
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
    }
    return Response.json(deliveryStatusJson(upload));
  },
});
