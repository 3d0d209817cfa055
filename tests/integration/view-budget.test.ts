import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/v1/indicatoren/[indicator]/route';
import { expectScope } from '@/lib/access/scope';
import { pgPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { INDICATORS } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { issueApiToken } from '@/lib/services/api-tokens/issue-api-token';
import { setViewClock } from '@/lib/services/disclosure/charge-view';
import { pruneViewCharges } from '@/lib/services/disclosure/prune-view-charges';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { apiCall } from '@/scripts/view-walks';
import { makeAanbieder, makeGemeente, makeUser, scopeOf } from './helpers/fixtures';

// The budget of distinct views and the detector of differencing patterns (docs/view-budget.md),
// through the API route and the service every page uses, on PostgreSQL. Small settings, so a test
// reaches them in a few dozen views: the file's own environment, read once (lib/env.ts).
const BUDGET = 30;
const VARIANTS_MAX = 16;
vi.stubEnv('VIEW_BUDGET_PER_MONTH', String(BUDGET));
vi.stubEnv('VIEW_VARIANTS_MAX', String(VARIANTS_MAX));
vi.stubEnv('VIEW_VARIANTS_WINDOW_MINUTES', '10');
vi.stubEnv('VIEW_RATE_MAX_PER_MINUTE', '250');
vi.stubEnv('VIEW_SLOW_SECONDS', '2');
vi.stubEnv('VIEW_SLOW_MINUTES', '60');
afterAll(() => vi.unstubAllEnvs());

const call = (indicator: string, query: string, token: string) =>
  GET(
    new Request(`http://test/api/v1/indicatoren/${indicator}?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ indicator }) },
  );

const one = async <T extends Record<string, unknown>>(text: string, values: unknown[]) =>
  (await pgPool().query<T>(text, values)).rows[0];
const chargesOf = async (orgId: string) =>
  Number((await one<{ n: string }>('SELECT count(*) AS n FROM view_charge WHERE organisation_id = $1', [orgId])).n);
const auditsOf = async (orgId: string, event: string) =>
  (
    await pgPool().query<{ object: string; scope: { views?: unknown[]; dimensie?: string } }>(
      'SELECT object, scope FROM audit_log WHERE organisation_id = $1 AND event = $2',
      [orgId, event],
    )
  ).rows;

async function gemeenteWithToken() {
  const org = await makeGemeente();
  const scope = expectScope(await scopeOf((await makeUser('GEMEENTE', org.id)).id), 'gemeente');
  const { token } = await issueApiToken(scope, { name: 'BI' }, null);
  return { org, scope, token };
}

/** Distinct views that differ in indicator, grouping and period, so no family grows past one. */
const distinctQueries = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const indicator = INDICATORS[i % INDICATORS.length].key;
    const groep = ['totaal', 'aanbieder', 'gemeente', 'maand', 'kwartaal', 'jaar', 'respondent'][Math.floor(i / 7) % 7];
    const year = 2020 + Math.floor(i / 49);
    return { indicator, query: `groep=${groep}&eind_van=${year}-01&eind_tm=${year}-12` };
  });

describe('budget of distinct views per organisation and month', () => {
  it('refuses the view after the budget with 429 and a Dutch message, on the API and the pages alike; repeats stay free', async () => {
    const { org, scope, token } = await gemeenteWithToken();
    const queries = distinctQueries(BUDGET + 1);
    for (const [i, q] of queries.slice(0, BUDGET - 1).entries()) {
      const res = await call(q.indicator, q.query, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('X-Overzichten-Gebruikt')).toBe(String(i + 1));
      expect(res.headers.get('X-Overzichten-Budget')).toBe(String(BUDGET));
    }
    // The same view again, by the API and by the page's service: free.
    const again = await call(queries[0].indicator, queries[0].query, token);
    expect(again.status).toBe(200);
    expect(again.headers.get('X-Overzichten-Gebruikt')).toBe(String(BUDGET - 1));
    // The last one the budget allows comes from a page (page, export and API count together).
    const last = queries[BUDGET - 1];
    const indicator = INDICATORS.find((d) => d.key === last.indicator)!;
    await getIndicatorView(scope, indicator, parseViewParams(scope, new URLSearchParams(last.query)));
    expect(await chargesOf(org.id)).toBe(BUDGET);

    const over = await call(queries[BUDGET].indicator, queries[BUDGET].query, token);
    expect(over.status).toBe(429);
    const body = await over.json();
    expect(body.fout).toMatch(/deze maand alle 30 overzichten gebruikt/);
    expect(body.fout).toMatch(/nieuwe weer vanaf 1 \w+ \d{4}/);
    const byPage = getIndicatorView(
      scope,
      INDICATORS.find((d) => d.key === queries[BUDGET].indicator)!,
      parseViewParams(scope, new URLSearchParams(queries[BUDGET].query)),
    );
    await expect(byPage).rejects.toBeInstanceOf(AppError);
    await expect(byPage).rejects.toMatchObject({ status: 429 });
    // Every view asked before stays available, by the API and on the page.
    for (const q of queries.slice(0, BUDGET)) expect((await call(q.indicator, q.query, token)).status).toBe(200);
    expect(await chargesOf(org.id)).toBe(BUDGET);
    // The first refusal of the month is in the audit log, once.
    expect(await auditsOf(org.id, 'overzichten.budget-op')).toHaveLength(1);
  });

  it('charges the same view once, however many ask it at the same moment', async () => {
    const { org, token } = await gemeenteWithToken();
    const q = distinctQueries(1)[0];
    const answers = await Promise.all(Array.from({ length: 8 }, () => call(q.indicator, q.query, token)));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await chargesOf(org.id)).toBe(1);
    const use = await one<{ used: number }>('SELECT used FROM view_budget_use WHERE organisation_id = $1', [org.id]);
    expect(use.used).toBe(1);
  });

  it('never counts a provider, neither its own views nor its shareable report', async () => {
    const aanbieder = await makeAanbieder();
    const scope = await scopeOf((await makeUser('AANBIEDER_UPLOAD', aanbieder.id)).id);
    for (const q of distinctQueries(BUDGET + 5)) {
      const indicator = INDICATORS.find((d) => d.key === q.indicator)!;
      const params = parseViewParams(scope, new URLSearchParams(q.query));
      await getIndicatorView(scope, indicator, params);
      await getIndicatorView(scope, indicator, { ...params, shareable: true });
    }
    expect(await chargesOf(aanbieder.id)).toBe(0);
    expect(await one('SELECT 1 AS x FROM view_budget_use WHERE organisation_id = $1', [aanbieder.id])).toBeUndefined();
  });

  it('starts again each calendar month in Europe/Amsterdam, and the nightly run forgets the views of months before the last', async () => {
    const { org, scope } = await gemeenteWithToken();
    const q = distinctQueries(1)[0];
    const ask = (at: string) => {
      setViewClock(() => new Date(at));
      return apiCall(scope, { indicator: q.indicator, search: q.query, pause: 0 }).finally(() => setViewClock(null));
    };
    await ask('2026-01-31T22:59:00Z'); // 23:59 in Amsterdam: January
    await ask('2026-01-31T23:01:00Z'); // 00:01 in Amsterdam: February, charged again
    await ask('2026-03-10T12:00:00Z');
    const months = async () =>
      (
        await pgPool().query<{ month: string }>(
          'SELECT month FROM view_charge WHERE organisation_id = $1 ORDER BY month',
          [org.id],
        )
      ).rows.map((r) => r.month);
    expect(await months()).toEqual(['2026-01', '2026-02', '2026-03']);
    await pruneViewCharges(new Date('2026-03-11T02:00:00Z'));
    expect(await months()).toEqual(['2026-02', '2026-03']);
  });
});
