import { pgPool } from '@/lib/db';
import { addMonths } from '@/lib/filters/months';
import { budgetMonth } from './view-families';

/**
 * The views charged before last month are not needed any more: the budget counts this month and the
 * detector's window reaches at most into the previous one. Their counts (view_budget_use) and the
 * detector's findings stay, for the monitor; the audit log keeps the findings for five years.
 */
export async function pruneViewCharges(now = new Date()): Promise<number> {
  const { rowCount } = await pgPool().query('DELETE FROM view_charge WHERE month < $1', [
    addMonths(budgetMonth(now), -1),
  ]);
  // Requests outside the grammar matter only within the detector's window: a day is plenty.
  await pgPool().query(`DELETE FROM view_request_adjusted WHERE asked_at < $1::timestamptz - interval '1 day'`, [now]);
  return rowCount ?? 0;
}
