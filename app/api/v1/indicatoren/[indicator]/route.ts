import { runRoute } from '@/app/api/run-route';
import { AppError } from '@/lib/errors';
import { indicatorJson } from '@/lib/exports/indicator-json';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { indicatorTokenScope } from '@/lib/services/api-tokens/authenticate-api-token';
import { viewUsageHeaders } from '@/lib/services/disclosure/view-usage-headers';
import { dashboardAuditObject } from '@/lib/services/indicators/audit-object';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';

/** Read-only indicator API for municipalities' BI tools: bearer token → the same protected figures as the page. */
export const GET = runRoute<{ indicator: string }>({
  access: {
    token: indicatorTokenScope,
    event: 'api:indicator',
    object: (url, p) => dashboardAuditObject(`api ${p.indicator}`, url.searchParams),
  },
  run: async ({ url, params, scope }) => {
    const indicator = findIndicator(params.indicator);
    if (!indicator || !scope) throw new AppError('Onbekende indicator.', 404);
    const view = await getIndicatorView(scope, indicator, parseViewParams(scope, url.searchParams));
    return Response.json(indicatorJson(view), { headers: viewUsageHeaders(scope.user.organisationId) });
  },
});
