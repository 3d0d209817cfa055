import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { pgPool } from '@/lib/db';
import { env } from '@/lib/env';
import { type ChargedView, type Dimension, familyOf } from './view-families';

export type OrganisationUse = {
  organisationId: string;
  name: string;
  used: number;
  refusedAt: Date | null;
  /** The largest family within the window and the most new views in a minute, this month. */
  peakFamily: number;
  peakRate: number;
  alerts: number;
};

export type ViewAlertEntry = {
  id: string;
  organisationName: string;
  firedAt: Date;
  rule: 'varianten' | 'tempo' | 'grammatica';
  dimension: Dimension | null;
  /** The view the variants share (the firing view without the varying dimension), or the firing view. */
  family: ChargedView;
  views: ChargedView[];
  count: number;
  slowedUntil: Date;
};

/** Alerts the monitor lists: the latest, newest first. */
const ALERTS_SHOWN = 50;

/**
 * For the TTP's privacy officer (Beheer → Overzichten): per municipality and region this month's use
 * of distinct views and how close it came to the detector, and the detector's latest findings with the
 * views they counted. Only counts and view parameters: no figure and nothing about a client.
 */
export async function listViewMonitor(scope: Scope, month: string) {
  checkCaller(scope, 'processing:monitor', 'ttp');
  const [uses, alerts] = await Promise.all([
    pgPool().query<OrganisationUse>(
      `SELECT o.id AS "organisationId", o.name, u.used, u.refused_at AS "refusedAt",
         coalesce(c.family, 0) AS "peakFamily", coalesce(c.rate, 0) AS "peakRate",
         (SELECT count(*)::int FROM view_alert a WHERE a.organisation_id = o.id AND a.fired_at >= $2) AS alerts
       FROM view_budget_use u JOIN organisation o ON o.id = u.organisation_id
       LEFT JOIN LATERAL (SELECT max(family_size) AS family, max(rate) AS rate FROM view_charge c
         WHERE c.organisation_id = u.organisation_id AND c.month = u.month) c ON true
       WHERE u.month = $1 ORDER BY u.used DESC, o.name`,
      [month, `${month}-01`],
    ),
    pgPool().query<{
      id: string;
      name: string;
      fired_at: Date;
      rule: 'varianten' | 'tempo' | 'grammatica';
      dimension: Dimension | null;
      view: ChargedView;
      views: ChargedView[];
      view_count: number;
      slowed_until: Date;
    }>(
      `SELECT a.id, o.name, a.fired_at, a.rule, a.dimension, a.view, a.views, a.view_count, a.slowed_until
       FROM view_alert a JOIN organisation o ON o.id = a.organisation_id ORDER BY a.fired_at DESC LIMIT $1`,
      [ALERTS_SHOWN],
    ),
  ]);
  return {
    budget: env().VIEW_BUDGET_PER_MONTH,
    variantsMax: env().VIEW_VARIANTS_MAX,
    windowMinutes: env().VIEW_VARIANTS_WINDOW_MINUTES,
    rateMax: env().VIEW_RATE_MAX_PER_MINUTE,
    organisations: uses.rows,
    alerts: alerts.rows.map(
      (a): ViewAlertEntry => ({
        id: a.id,
        organisationName: a.name,
        firedAt: a.fired_at,
        rule: a.rule,
        dimension: a.dimension,
        family: a.dimension ? familyOf(a.view, a.dimension) : a.view,
        views: a.views,
        count: a.view_count,
        slowedUntil: a.slowed_until,
      }),
    ),
  };
}
