import { notFound } from 'next/navigation';
import { requireScope } from '@/lib/access/require-scope';
import { AppError } from '@/lib/errors';
import { toCsvDownload } from '@/lib/exports/csv';
import { indicatorRows } from '@/lib/exports/indicator-rows';
import { toXlsxDownload } from '@/lib/exports/xlsx';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { dashboardAuditObject } from '@/lib/services/indicators/audit-object';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';

/** The view on the page as CSV or Excel: same scope, same filters, same protected figures. */
export async function GET(req: Request, { params }: { params: Promise<{ indicator: string }> }) {
  const url = new URL(req.url);
  const key = (await params).indicator;
  const scope = await requireScope('dashboard:export', dashboardAuditObject(`export ${key}`, url.searchParams));
  const indicator = findIndicator(key);
  if (!indicator) notFound();
  let view: Awaited<ReturnType<typeof getIndicatorView>>;
  try {
    view = await getIndicatorView(scope, indicator, parseViewParams(scope, url.searchParams));
  } catch (err) {
    if (err instanceof AppError) return new Response(err.message, { status: err.status });
    throw err;
  }
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
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` },
  });
}
