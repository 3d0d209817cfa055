import { describeScope } from '@/lib/access/scope';
import { addressFromHeaders } from '@/lib/audit/request-address';
import { writeAudit } from '@/lib/audit/write-audit';
import { AppError } from '@/lib/errors';
import { indicatorJson } from '@/lib/exports/indicator-json';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { authenticateApiToken } from '@/lib/services/api-tokens/authenticate-api-token';
import { dashboardAuditObject } from '@/lib/services/indicators/audit-object';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/** Read-only indicator API for municipalities' BI tools: bearer token → the same suppressed figures as the page. */
export async function GET(req: Request, { params }: { params: Promise<{ indicator: string }> }) {
  const address = addressFromHeaders(req.headers);
  const url = new URL(req.url);
  const key = (await params).indicator;
  const object = dashboardAuditObject(`api ${key}`, url.searchParams);
  const scope = await authenticateApiToken(req.headers.get('authorization'));
  if (!scope) {
    await writeAudit({ event: 'api:indicator', object, address, outcome: 'geweigerd' });
    return json({ fout: 'Geen geldig API-token (Authorization: Bearer gp_…).' }, 401);
  }
  // The access is logged whatever follows; writing it alongside the query saves a round trip.
  const audited = writeAudit({
    event: 'api:indicator',
    actor: scope.user,
    object,
    scope: describeScope(scope),
    address,
  });
  const indicator = findIndicator(key);
  if (!indicator) {
    await audited;
    return json({ fout: 'Onbekende indicator.' }, 404);
  }
  try {
    const [view] = await Promise.all([
      getIndicatorView(scope, indicator, parseViewParams(scope, url.searchParams)),
      audited,
    ]);
    return json(indicatorJson(view));
  } catch (err) {
    await audited;
    if (err instanceof AppError) return json({ fout: err.message }, err.status);
    throw err;
  }
}
