import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { pgPool } from '@/lib/db';
import { env } from '@/lib/env';
import { budgetMonth } from './view-families';

export type ViewUsage = { month: string; used: number; budget: number; slowedUntil: Date | null };

/**
 * A municipality's or region's use of its distinct views this month, and until when its new views are
 * slowed; null for a provider, whose views are never counted (docs/view-budget.md).
 */
export async function getViewUsage(scope: Scope, now = new Date()): Promise<ViewUsage | null> {
  checkCaller(scope, 'dashboard:view');
  if (scope.kind !== 'gemeente') return null;
  const month = budgetMonth(now);
  const {
    rows: [row],
  } = await pgPool().query<{ used: number | null; slowed_until: Date | null }>(
    `SELECT (SELECT used FROM view_budget_use WHERE organisation_id = $1 AND month = $2) AS used,
       (SELECT max(slowed_until) FROM view_alert WHERE organisation_id = $1 AND slowed_until > $3) AS slowed_until`,
    [scope.user.organisationId, month, now],
  );
  return { month, used: row.used ?? 0, budget: env().VIEW_BUDGET_PER_MONTH, slowedUntil: row.slowed_until };
}
