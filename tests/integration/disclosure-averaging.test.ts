import { beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { pgPool } from '@/lib/db';
import { type Answer, attackFamilies, type Family } from '@/lib/disclosure/attack-families';
import { exactTruth } from '@/lib/disclosure/exact-truth';
import { type FamilyRun, runFamily } from '@/lib/disclosure/run-family';
import { parseGroupBy } from '@/lib/indicators/group-by';
import { findIndicator } from '@/lib/indicators/registry';
import { setViewClock } from '@/lib/services/disclosure/charge-view';
import { type ApiView, ask, loadAttackData } from './helpers/attack-data';
import { makeUser, scopeOf } from './helpers/fixtures';

// The averaging attack at full strength, through the API route against real PostgreSQL: a scripted
// insider with a municipality's or a region's token asks every family of views that used to give many
// different differences of one small group (sets of municipalities, providers and codes, periods
// sliding by a month, start-date variants), keeps every answer, and for each hidden cell averages every
// estimate the answers allow (lib/disclosure/averaging-attack.ts). The portal answers the views its
// query grammar allows, so the estimates left are few and noisy: exact recoveries no more often than
// 1.5 times the chance of one difference, never every hidden cell. And the markers say nothing: no
// count of 0–6 is ever a number, and an empty view answers exactly like a view of a few clients.
process.env.CELL_KEY_SECRET = Buffer.alloc(32, 31).toString('base64');
process.env.PSEUDONYM_KEY = Buffer.alloc(32, 32).toString('base64');

let data: Awaited<ReturnType<typeof loadAttackData>>;
let scopes: Record<'gemeente' | 'regio', Scope>;
const uitval = findIndicator('uitval')!;

beforeAll(async () => {
  data = await loadAttackData('gemiddelde');
  scopes = {
    gemeente: await scopeOf((await makeUser('GEMEENTE', data.gemeenten[0].id)).id),
    regio: await scopeOf((await makeUser('REGIO', data.regio.id)).id),
  };
}, 120_000);

const CODES = { verwijzer: ['01', '02', '03', '06'], hulpvorm: ['02', '03'] };

/** The detector's findings for the scope's organisation from `since` on (rules). */
const alertsSince = async (scope: 'gemeente' | 'regio', since: Date) =>
  (
    await pgPool().query<{ rule: string }>(
      'SELECT rule FROM view_alert WHERE organisation_id = $1 AND fired_at >= $2 ORDER BY fired_at',
      [scope === 'regio' ? data.regio.id : data.gemeenten[0].id, since],
    )
  ).rows.map((r) => r.rule);

async function attack(family: Family): Promise<FamilyRun> {
  const inScope = (g: number) => family.scope === 'regio' || g === 0;
  const providers = [...new Set(data.records.filter((r) => inScope(r.g)).map((r) => data.providers[r.p].id))];
  const byAgb = new Map(data.providers.map((p) => [p.agbCode!, p.id]));
  const begin: string[] = [];
  for (let y = 2015; y <= 2027; y++) for (let m = 1; m <= 12; m++) begin.push(`${y}-${String(m).padStart(2, '0')}`);
  return runFamily(
    family.queries,
    async (query) => {
      const answer = (await ask(data.tokens[family.scope], 'uitval', query)) as unknown as Answer;
      const groupBy = parseGroupBy(new URLSearchParams(query).get('groep'));
      return { answer, truth: await exactTruth(scopes[family.scope], uitval, 'JEUGD', groupBy, answer.filters) };
    },
    {
      gemeente: data.gemeenten.filter((_, g) => inScope(g)).map((g) => g.cbsCode!),
      aanbieder: providers,
      begin,
      ...CODES,
    },
    (agb) => byAgb.get(agb) ?? agb,
  );
}

describe('the averaging attack', () => {
  it('recovers hidden cells no more often than one difference would, in every family', async () => {
    const families = attackFamilies({
      gemeenten: data.gemeenten.map((g) => g.cbsCode!),
      aanbieders: data.providers.map((p) => p.agbCode!),
      ...CODES,
      year: 2025,
      firstMonth: '2024-10',
      lastMonth: '2026-03',
    });
    const total = { exact: 0, chance: 0 };
    for (const [i, family] of families.entries()) {
      // Each family in an hour of its own, so one family's finding and slowdown do not hide the next's.
      const start = new Date(Date.UTC(2026, 2, 2, 8 + 2 * i));
      const began = Date.now();
      setViewClock(() => new Date(start.getTime() + (Date.now() - began)));
      const run = await attack(family);
      setViewClock(null);
      total.exact += run.exact;
      total.chance += run.chance;
      console.log(
        `${family.name} (${family.scope}): ${run.queries} vragen, ${run.views} verschillende overzichten, ` +
          `${run.hidden} verborgen cellen, ${run.attacked} geschat (tot ${run.maxEstimates} schattingen per cel), ` +
          `${run.exact} exact, kans van één verschil ${run.chance.toFixed(1)}`,
      );
      expect(run.shownSmall, family.name).toBe(0);
      expect(run.hidden, `${family.name}: hidden cells to attack`).toBeGreaterThan(5);
      // Per family a few cells more than 1.5 times the chance are noise (a family may have ten cells);
      // over all families together the bound holds as it is.
      expect(run.exact, family.name).toBeLessThanOrEqual(1.5 * run.chance + 2);
      if (run.attacked > 0) expect(run.exact, family.name).toBeLessThan(run.attacked);
      // The detector sees every family that asks more than it lets a person ask (two municipalities give
      // the region's family only a handful of requests to change: nothing a person would not ask).
      const fired = await alertsSince(family.scope, start);
      console.log(
        `  detector: ${run.adjusted} vragen aangepast, ${fired.length ? `gevuurd (${fired.join(', ')})` : 'niet gevuurd'}`,
      );
      if (run.adjusted > 16) expect(fired.length, family.name).toBeGreaterThan(0);
    }
    expect(total.exact).toBeLessThanOrEqual(1.5 * total.chance);
  }, 600_000);
});

describe('markers that say nothing', () => {
  const cellsOf = (v: ApiView) => [...v.rijen, v.totaal].flatMap((r) => [r.populatie, r.kerncijfer, ...r.categorieen]);

  it('never shows a count under 7 as a number, zero included', async () => {
    let hidden = 0;
    for (const scope of ['gemeente', 'regio'] as const)
      for (const groep of ['aanbieder', 'gemeente', 'kwartaal', 'maand'])
        for (const indicator of ['uitval', 'clienttevredenheid', 'doelrealisatie']) {
          const v = await ask(data.tokens[scope], indicator, `eind_van=2025-01&eind_tm=2025-12&groep=${groep}`);
          for (const c of cellsOf(v)) {
            if (c.suppressed) hidden += 1;
            else expect(c.n!).toBeGreaterThanOrEqual(7);
          }
        }
    expect(hidden).toBeGreaterThan(50);
  });

  it('lists the same rows whether a provider had none or a few clients', async () => {
    // Provider 13 has 0–5 clients a quarter: its row is there in every quarter, "< 7" whether 0 or 5.
    const quarters = ['01', '04', '07', '10'];
    const rows = await Promise.all(
      quarters.map(async (m) => {
        const v = await ask(data.tokens.gemeente, 'uitval', `eind_van=2025-${m}&eind_tm=2025-${m}&groep=aanbieder`);
        return v.rijen.map((r) => r.sleutel).sort();
      }),
    );
    for (const r of rows) expect(r).toEqual(rows[0]);
    const truths = quarters.map(
      (m) =>
        data.records.filter(
          (r) =>
            r.p === 13 &&
            r.g === 0 &&
            r.month >= `2025-${m}` &&
            r.month <= `2025-${String(Number(m) + 2).padStart(2, '0')}`,
        ).length,
    );
    expect(truths.some((n) => n === 0) || truths.some((n) => n > 0)).toBe(true);
  });

  it('answers an empty view exactly like a view of a few clients: no yes/no about a client the user knows', async () => {
    // The known-client oracle: one provider, one quarter, one code; empty against a few.
    const answers = new Map<number, string[]>();
    for (let p = 10; p < 14; p++)
      for (const m of ['01', '04', '07', '10'])
        for (const v of CODES.verwijzer) {
          const truth = data.records.filter(
            (r) =>
              r.p === p &&
              r.g === 0 &&
              r.verwijzer === v &&
              r.month >= `2025-${m}` &&
              r.month <= `2025-${String(Number(m) + 2).padStart(2, '0')}`,
          ).length;
          if (truth >= 7) continue;
          const view = await ask(
            data.tokens.gemeente,
            'uitval',
            `eind_van=2025-${m}&eind_tm=2025-${String(Number(m) + 2).padStart(2, '0')}&aanbieder=${data.providers[p].agbCode}&verwijzer=${v}`,
          );
          const { filters: _, ...rest } = view as unknown as Record<string, unknown>;
          const key = truth === 0 ? 0 : 1;
          answers.set(key, [...(answers.get(key) ?? []), JSON.stringify(rest)]);
        }
    expect(answers.get(0)?.length).toBeGreaterThan(0);
    expect(answers.get(1)?.length).toBeGreaterThan(0);
    // every answer, empty or a few, is one and the same text
    expect(new Set([...answers.get(0)!, ...answers.get(1)!]).size).toBe(1);
  });
});
