import { runRoute } from '@/app/api/run-route';
import { expectScope } from '@/lib/access/scope';
import { AppError } from '@/lib/errors';
import { toCsvDownload } from '@/lib/exports/csv';
import { REPORT_CSV_HEADER, reportCsvRows } from '@/lib/imports/file-report';
import { findUpload } from '@/lib/services/uploads/find-upload';

/** The validation report of one upload as CSV (errors per row). */
export const GET = runRoute<{ id: string }>({
  access: { permission: 'upload:view', object: (_url, p) => `verslag upload ${p.id}` },
  run: async ({ params, scope }) => {
    const upload = await findUpload(expectScope(scope!, 'aanbieder'), params.id);
    if (!upload) throw new AppError('Deze aanlevering bestaat niet.', 404);
    const body = toCsvDownload(REPORT_CSV_HEADER, reportCsvRows(upload.report));
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="verslag-${params.id.slice(0, 8)}.csv"`,
      },
    });
  },
});
