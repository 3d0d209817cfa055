import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/v1/indicatoren/[indicator]/route';
import { expectScope, type Scope } from '@/lib/access/scope';
import { pgPool } from '@/lib/db';
import { INDICATORS } from '@/lib/indicators/registry';
import { issueApiToken } from '@/lib/services/api-tokens/issue-api-token';
import { describeView } from '@/lib/services/disclosure/describe-view';
import { listViewMonitor } from '@/lib/services/disclosure/list-view-monitor';
import { budgetMonth } from '@/lib/services/disclosure/view-families';
import { apiCall, contractManagerDay, type Visit, walkAt } from '@/scripts/view-walks';
import { loadRecords, makeAanbieder, makeGemeente, makeRegio, makeTtp, makeUser, scopeOf } from './helpers/fixtures';

// The detector of differencing patterns (docs/view-budget.md) on PostgreSQL: the scripted families of
// the averaging attack fire it (one alert, one audit record with the views, the organisation slowed),
// a contract manager's heavy day does not. The portal's default settings, pinned here.
vi.stubEnv('VIEW_BUDGET_PER_MONTH', '3000');
vi.stubEnv('VIEW_VARIANTS_MAX', '16');
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
    {
      params: Promise.resolve({ indicator }),
    },
  );

type AlertRow = { rule: string; dimension: string | null; view_count: number; views: unknown[]; slowed_until: Date };
const alertsOf = async (orgId: string) =>
  (
    await pgPool().query<AlertRow>(
      'SELECT rule, dimension, view_count, views, slowed_until FROM view_alert WHERE organisation_id = $1 ORDER BY fired_at',
      [orgId],
    )
  ).rows;
const detectorAudits = async (orgId: string) =>
  (
    await pgPool().query<{ object: string; scope: { views: unknown[]; dimensie: string | null; regel: string } }>(
      `SELECT object, scope FROM audit_log WHERE organisation_id = $1 AND event = 'overzichten.verschilpatroon'`,
      [orgId],
    )
  ).rows;
const peaks = async (orgId: string) =>
  (
    await pgPool().query<{ views: number; family: number; rate: number }>(
      'SELECT count(*)::int AS views, max(family_size) AS family, max(rate) AS rate FROM view_charge WHERE organisation_id = $1',
      [orgId],
    )
  ).rows[0];

const timed = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

async function gemeente() {
  const org = await makeGemeente();
  return { org, scope: expectScope(await scopeOf((await makeUser('GEMEENTE', org.id)).id), 'gemeente') };
}

/** The same table with one filter taking each value in turn, `pause` seconds apart. */
const oneAtATime = (filter: string, values: string[], pause: number): Visit[] =>
  values.map((v) => ({
    indicator: 'uitval',
    search: `groep=aanbieder&eind_van=2025-01&eind_tm=2025-12&${filter}=${v}`,
    pause,
  }));

describe('detector of differencing patterns', () => {
  it('fires on a region asking the per-provider table for subsets of its municipalities, logs the requests once and slows the region', async () => {
    const members = await Promise.all(Array.from({ length: 5 }, () => makeGemeente()));
    const regio = await makeRegio(members.map((m) => m.id));
    const scope = await scopeOf((await makeUser('REGIO', regio.id)).id);
    const { token } = await issueApiToken(scope, { name: 'script' }, null);
    const codes = members.map((m) => m.cbsCode!);
    // every subset of two or more: the grammar answers each with the region's whole table
    const subsets = Array.from({ length: 31 }, (_, i) => codes.filter((_, j) => (i + 1) & (1 << j))).filter(
      (s) => s.length > 1,
    );
    const ask = (subset: string[], indicator = 'uitval') =>
      call(
        indicator,
        `groep=aanbieder&eind_van=2025-01&eind_tm=2025-12&${subset.map((c) => `gemeente=${c}`).join('&')}`,
        token,
      );

    for (const s of subsets.slice(0, 16)) {
      const res = await ask(s);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.filters.gemeente).toBeUndefined();
      expect(body.aanpassingen.join(' ')).toMatch(/Gemeente: kies één waarde of alle/);
    }
    expect(await alertsOf(regio.id)).toEqual([]);
    expect((await peaks(regio.id)).views).toBe(1); // sixteen requests, one view answered
    expect((await ask(subsets[16])).status).toBe(200); // the 17th fires

    const [alert] = await alertsOf(regio.id);
    expect(alert).toMatchObject({ rule: 'grammatica', dimension: null, view_count: 17 });
    expect(alert.views).toHaveLength(17);
    const audits = await detectorAudits(regio.id);
    expect(audits).toHaveLength(1);
    expect(audits[0].scope).toMatchObject({ regel: 'grammatica' });
    expect(audits[0].scope.views).toHaveLength(17);
    expect(audits[0].object).toMatch(/17 vragen buiten de vraaggrammatica/);

    // Slowed: a new view waits, two at once wait in line, a view asked before does not wait.
    expect(await timed(() => ask([codes[0]]))).toBeGreaterThanOrEqual(1900);
    expect(await timed(() => Promise.all([ask([codes[1]]), ask([codes[2]])]))).toBeGreaterThanOrEqual(3900);
    expect(await timed(() => ask(subsets[0]))).toBeLessThan(1000);
    // One finding while the organisation is slowed.
    for (const s of subsets.slice(17)) await ask(s);
    expect(await alertsOf(regio.id)).toHaveLength(1);
    expect(await detectorAudits(regio.id)).toHaveLength(1);

    // The TTP's monitor: the region's use this month, and the finding with the requests it counted.
    const ttp = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    const monitor = await listViewMonitor(ttp, budgetMonth(new Date()));
    expect(monitor.organisations.find((o) => o.organisationId === regio.id)).toMatchObject({ used: 4, alerts: 1 });
    const found = monitor.alerts.find((a) => a.organisationName === regio.name)!;
    expect(found).toMatchObject({ rule: 'grammatica', count: 17 });
    expect(found.views).toHaveLength(17);
    expect(describeView(found.views[0])).toBe(
      `Uitval, Jeugd, per aanbieder; Einddatum van: 2025-01; Einddatum t/m: 2025-12; Gemeente: ${subsets[0].join(', ')}`,
    );
  }, 60_000);

  it('fires on a municipality asking the table for every provider one at a time, within the window only', async () => {
    const providers = Array.from({ length: 17 }, (_, i) => `990000${String(i).padStart(2, '0')}`);
    const fast = await gemeente();
    await walkAt(fast.scope, oneAtATime('aanbieder', providers, 20), new Date('2026-03-02T09:00:00Z'), apiCall);
    expect(await alertsOf(fast.org.id)).toMatchObject([{ rule: 'varianten', dimension: 'aanbieder', view_count: 17 }]);

    // The same views spread over more than the window: never more than 16 in any 10 minutes.
    const slow = await gemeente();
    await walkAt(slow.scope, oneAtATime('aanbieder', providers, 40), new Date('2026-03-02T09:00:00Z'), apiCall);
    expect(await alertsOf(slow.org.id)).toEqual([]);
    expect((await peaks(slow.org.id)).family).toBe(15);
  }, 60_000);

  it('fires on every verwijzer value and every pair of them', async () => {
    const codes = ['01', '02', '03', '04', '05', '06', '07', '08'];
    const pairs = codes.flatMap((a, i) => codes.slice(i + 1).map((b) => `${a}&verwijzer=${b}`));
    const { org, scope } = await gemeente();
    // the eight values are eight views; the pairs are all answered with the table without the filter,
    // and the seventeenth pair fires
    await walkAt(
      scope,
      oneAtATime('verwijzer', [...codes, ...pairs.slice(0, 17)], 5),
      new Date('2026-03-02T09:00:00Z'),
      apiCall,
    );
    expect(await alertsOf(org.id)).toMatchObject([{ rule: 'grammatica', dimension: null, view_count: 17 }]);
    expect(await detectorAudits(org.id)).toHaveLength(1);
  }, 60_000);

  it('fires on more new views in a minute than anyone reads, whatever their families', async () => {
    const { org, scope } = await gemeente();
    const views: Visit[] = [2019, 2020, 2021, 2022, 2023, 2024].flatMap((y) =>
      INDICATORS.flatMap((i) =>
        ['totaal', 'aanbieder', 'gemeente', 'maand', 'kwartaal', 'jaar', 'respondent'].map((g) => ({
          indicator: i.key,
          search: `groep=${g}&eind_van=${y}-01&eind_tm=${y}-12`,
          pause: 0.2,
        })),
      ),
    );
    await walkAt(scope, views.slice(0, 250), new Date('2026-03-02T09:00:00Z'), apiCall);
    expect(await alertsOf(org.id)).toEqual([]);
    await walkAt(scope, views.slice(250, 251), new Date('2026-03-02T09:00:50Z'), apiCall);
    const [alert] = await alertsOf(org.id);
    expect(alert).toMatchObject({ rule: 'tempo', dimension: null, view_count: 251 });
    expect((await peaks(org.id)).family).toBeLessThanOrEqual(6);
  }, 60_000);

  it("does not fire on a contract manager's heavy day, and stays far from the budget", async () => {
    const { org, scope } = await gemeente();
    const providers = await Promise.all([makeAanbieder(), makeAanbieder(), makeAanbieder(), makeAanbieder()]);
    for (const [i, a] of providers.entries()) {
      await loadRecords(
        a,
        Array.from({ length: 8 }, (_, j) => ({
          client: `${org.id}-${i}-${j}`,
          gemeentecode: org.cbsCode!,
          einddatum: '2025-05-01',
        })),
      );
    }
    const day = await contractManagerDay(scope as Scope, new Date('2026-03-02T09:00:00Z'));
    await walkAt(scope, day, new Date('2026-03-02T08:00:00Z'));
    const p = await peaks(org.id);
    expect(await alertsOf(org.id)).toEqual([]);
    expect(p.family).toBeLessThanOrEqual(16);
    expect(p.rate).toBeLessThanOrEqual(250);
    expect(p.views).toBeGreaterThan(300);
    expect(p.views).toBeLessThan(3000 / 2);
  }, 180_000);
});
