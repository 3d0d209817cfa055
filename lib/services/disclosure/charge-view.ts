import { describeScope, type Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { pgPool } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { addMonths, formatMonth } from '@/lib/filters/months';
import { formatNumber } from '@/lib/format';
import {
  budgetMonth,
  type ChargedView,
  canonicalView,
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  familyKeys,
  viewKey,
} from './view-families';

// A bounded number of independent answers about any small group (docs/view-budget.md): every distinct
// view a municipality or region asks is charged once a month against its budget (page, export and API
// alike: all go through getIndicatorView), and a detector of differencing patterns slows it down and
// reports it to the TTP. A provider's own views are never charged.

type GemeenteScope = Extract<Scope, { kind: 'gemeente' }>;

type ChargeRow = {
  status: 'herhaald' | 'nieuw' | 'op';
  used: number;
  first_refusal: boolean;
  slowed: boolean;
  alert_id: string | null;
};

// Views this process saw charged (organisation, month, key): asked again, they cost no round trip. A
// view is only remembered once the database has it, so forgetting one costs a round trip, never a charge.
const CHARGED_REMEMBERED = 50_000;
const charged = new Set<string>();
// The month's use per organisation as this process last saw it (the API's headers).
const usage = new Map<string, { month: string; used: number }>();
// An organisation's slowed views wait in line in this process, so asking many at once does not help.
const slowLine = new Map<string, Promise<void>>();

// The moment of a charge. The benchmark replays a day of pages at a person's pace, and tests script
// sequences over minutes, by setting it (setViewClock); the portal keeps the real one.
let clock = () => new Date();
export function setViewClock(next: (() => Date) | null) {
  clock = next ?? (() => new Date());
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function waitInLine(organisationId: string, ms: number): Promise<void> {
  const next = (slowLine.get(organisationId) ?? Promise.resolve()).then(() => sleep(ms));
  slowLine.set(organisationId, next);
  void next.then(() => slowLine.get(organisationId) === next && slowLine.delete(organisationId));
  return next;
}

/** The first day of the next budget month, in Dutch ("1 februari 2027"). */
const nextMonthLabel = (month: string) => `1 ${formatMonth(addMonths(month, 1))}`;

export const budgetSpentMessage = (budget: number, month: string) =>
  `Uw organisatie heeft deze maand alle ${formatNumber(budget)} overzichten gebruikt die zij per maand kan opvragen. ` +
  `Overzichten die deze maand al zijn opgevraagd, blijven beschikbaar; nieuwe weer vanaf ${nextMonthLabel(month)}. ` +
  'Heeft u er meer nodig, neem dan contact op met de TTP.';

/**
 * Charges one view of a municipal or regional scope: free when asked before this month, else counted
 * (429 with a Dutch message once the month's budget is spent), and checked by the detector, which may
 * make this and the organisation's next new views wait. The view's filters are canonical already.
 */
export async function chargeView(scope: Scope, view: ChargedView): Promise<void> {
  if (scope.kind !== 'gemeente') return;
  const now = clock();
  const org = scope.user.organisationId;
  const month = budgetMonth(now);
  const key = viewKey(view);
  const remembered = `${org}|${month}|${key}`;
  if (charged.has(remembered)) return;
  const e = env();
  const {
    rows: [row],
  } = await pgPool().query<ChargeRow>({
    name: 'charge-view',
    text: 'SELECT * FROM charge_view($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
    values: [
      org,
      month,
      key,
      JSON.stringify(canonicalView(view)),
      familyKeys(view),
      DIMENSIONS,
      now,
      e.VIEW_BUDGET_PER_MONTH,
      `${e.VIEW_VARIANTS_WINDOW_MINUTES} minutes`,
      e.VIEW_VARIANTS_MAX,
      e.VIEW_RATE_MAX_PER_MINUTE,
      `${e.VIEW_SLOW_MINUTES} minutes`,
    ],
  });
  const seen = usage.get(org);
  if (!seen || seen.month !== month || row.used > seen.used || row.status === 'op')
    usage.set(org, { month, used: row.used });
  if (row.status === 'op') {
    if (row.first_refusal) {
      await writeAudit({
        event: 'overzichten.budget-op',
        actor: scope.user,
        object: `${month}: ${row.used} overzichten`,
        scope: describeScope(scope),
        outcome: 'geweigerd',
      });
    }
    throw new AppError(budgetSpentMessage(e.VIEW_BUDGET_PER_MONTH, month), 429, 'OVERZICHTEN_OP');
  }
  if (charged.size >= CHARGED_REMEMBERED) charged.clear();
  charged.add(remembered);
  if (row.alert_id) await auditAlert(scope, row.alert_id);
  if (row.slowed) await waitInLine(org, e.VIEW_SLOW_SECONDS * 1000);
}

/**
 * Notes a request the query grammar had to change (a set of values, a sliding period): the grammar
 * answers it with a view it allows, so a script that asks many of them gets few distinct views and
 * never fills a family, but what it asked says what it tried. More than VIEW_VARIANTS_MAX distinct
 * such requests within the window fire the detector (rule grammatica): an audit record, the finding on
 * the TTP's monitor, and the organisation's next new views slowed. `asked` is the request as parsed,
 * before the grammar.
 */
export async function noteAdjustedRequest(scope: Scope, asked: ChargedView): Promise<void> {
  if (scope.kind !== 'gemeente') return;
  const e = env();
  const {
    rows: [row],
  } = await pgPool().query<{ alert_id: string | null }>({
    name: 'note-adjusted-request',
    text: 'SELECT note_adjusted_request($1, $2, $3, $4, $5, $6, $7) AS alert_id',
    values: [
      scope.user.organisationId,
      viewKey(asked),
      JSON.stringify(canonicalView(asked)),
      clock(),
      `${e.VIEW_VARIANTS_WINDOW_MINUTES} minutes`,
      e.VIEW_VARIANTS_MAX,
      `${e.VIEW_SLOW_MINUTES} minutes`,
    ],
  });
  if (row.alert_id) await auditAlert(scope, row.alert_id);
}

/** The month's use as this process last saw it (for the API's headers), or null when it charged nothing for it. */
export function lastKnownUsage(organisationId: string, now = clock()): { used: number; budget: number } | null {
  const seen = usage.get(organisationId);
  return seen && seen.month === budgetMonth(now) ? { used: seen.used, budget: env().VIEW_BUDGET_PER_MONTH } : null;
}

/** The detector's finding in the audit log: one record, with the family and every view it counted. */
async function auditAlert(scope: GemeenteScope, alertId: string) {
  const {
    rows: [alert],
  } = await pgPool().query<{ rule: string; dimension: Dimension | null; view: ChargedView; views: ChargedView[] }>(
    'SELECT rule, dimension, view, views FROM view_alert WHERE id = $1',
    [alertId],
  );
  await writeAudit({
    event: 'overzichten.verschilpatroon',
    actor: scope.user,
    object: alertSummary(alert.rule, alert.dimension, alert.views.length),
    scope: {
      ...describeScope(scope),
      regel: alert.rule,
      dimensie: alert.dimension,
      view: alert.view,
      views: alert.views,
    },
  });
}

/** One Dutch line for a finding, as the audit log and the monitor show it. */
export function alertSummary(rule: string, dimension: Dimension | null, count: number): string {
  const minutes = env().VIEW_VARIANTS_WINDOW_MINUTES;
  if (rule === 'varianten' && dimension)
    return `${count} varianten van één overzicht (variërend: ${DIMENSION_LABELS[dimension]}) binnen ${minutes} minuten`;
  if (rule === 'grammatica') return `${count} vragen buiten de vraaggrammatica binnen ${minutes} minuten`;
  return `${count} nieuwe overzichten binnen één minuut`;
}
