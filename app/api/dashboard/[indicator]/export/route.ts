import { runRoute } from '@/app/api/run-route';
import { AppError } from '@/lib/errors';
import { toCsvDownload } from '@/lib/exports/csv';
import { indicatorRows } from '@/lib/exports/indicator-rows';
import { toXlsxDownload } from '@/lib/exports/xlsx';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { dashboardAuditObject } from '@/lib/services/indicators/audit-object';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';

/** The view on the page as CSV or Excel: same scope, same filters, same protected figures. */
export const GET = runRoute<{ indicator: string }>({
  access: {
    permission: 'dashboard:export',
    object: (url, p) => dashboardAuditObject(`export ${p.indicator}`, url.searchParams),
  },
  run: async ({ url, params, scope }) => {
    const indicator = findIndicator(params.indicator);
    if (!indicator || !scope) throw new AppError('Onbekende indicator.', 404);
    const view = await getIndicatorView(scope, indicator, parseViewParams(scope, url.searchParams));
    const { header, rows } = indicatorRows(view);
    const name = `${indicator.key}-${view.filters.eind_van}-${view.filters.eind_tm}`;
    if (url.searchParams.get('formaat') === 'xlsx') {
      return new Response(new Uint8Array(await toXlsxDownload(indicator.label, header, rows)), {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${name}.xlsx"`,
        },
      });
    }
    const csvRows = rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v).replace('.', ',') : v)));
    return new Response(toCsvDownload(header, csvRows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
      },
    });
  },
});
