import { lastKnownUsage } from './charge-view';

/**
 * The month's use of distinct views in an API answer, beside the JSON rather than in it: BI tools can
 * watch it (docs/view-budget.md). As this process last charged it; none when it charged nothing this month.
 */
export function viewUsageHeaders(organisationId: string): Record<string, string> {
  const use = lastKnownUsage(organisationId);
  return use ? { 'X-Overzichten-Gebruikt': String(use.used), 'X-Overzichten-Budget': String(use.budget) } : {};
}
