import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_OFFSET } from '@/lib/indicators/disclosure-control';
import { getConversation } from '@/lib/services/conversations/get-conversation';
import { prepareConversation, ZPrepare } from '@/lib/services/conversations/prepare-conversation';
import {
  type ApiRow,
  type ApiView,
  ask,
  type Estimate,
  estimateOf,
  loadAttackData,
  PERIOD,
  PROVIDERS,
  predicted,
  type Rec,
  type Term,
} from './helpers/attack-data';
import { loadRecords, makeUser, scopeOf } from './helpers/fixtures';

// The classic attacks on the disclosure control, through the API route itself against real
// PostgreSQL: for every hidden cell (true 1–6 clients) that an attacker can estimate from shown
// figures, the error must be spread as the p-table predicts, exact hits no more frequent than that
// spread implies, and never every one. The pseudonyms and cell keys come from fixed test secrets, so
// the dataset and its offsets are the same in every run and a failure reproduces (the secrets are set
// before anything reads the environment).
process.env.CELL_KEY_SECRET = Buffer.alloc(32, 11).toString('base64');
process.env.PSEUDONYM_KEY = Buffer.alloc(32, 12).toString('base64');

let data: Awaited<ReturnType<typeof loadAttackData>>;
beforeAll(async () => {
  data = await loadAttackData('aanval');
}, 120_000);

type Column = 'populatie' | 'kerncijfer';
type Setting = { q: string; f: (r: Rec) => boolean };
// A protected view's period is a calendar quarter or year (lib/indicators/view-grammar.ts).
const QUARTER_PERIODS: Setting[] = ['2026-01', '2026-04', '2026-07', '2026-10'].map((van) => {
  const tm = `${van.slice(0, 5)}${String(Number(van.slice(5)) + 2).padStart(2, '0')}`;
  return { q: `eind_van=${van}&eind_tm=${tm}`, f: (r) => r.month >= van && r.month <= tm };
});
const YEAR: Setting = { q: PERIOD, f: (r) => r.month >= '2026-01' && r.month <= '2026-12' };
const FILTERS: Setting[] = [
  { q: '', f: () => true },
  { q: '&verwijzer=01', f: (r) => r.verwijzer === '01' },
  { q: '&verwijzer=02', f: (r) => r.verwijzer === '02' },
  { q: '&hulpvorm=03', f: (r) => r.hulpvorm === '03' },
  { q: '&verwijzer=01&hulpvorm=03', f: (r) => r.verwijzer === '01' && r.hulpvorm === '03' },
];
const COLUMNS: Record<Column, (r: Rec) => boolean> = { populatie: () => true, kerncijfer: (r) => r.reden === '03' };
const SCOPES = { gemeente: (r: Rec) => r.g === 0, regio: () => true } as const;
type ScopeName = keyof typeof SCOPES;

const views = new Map<string, Promise<ApiView>>();
/** Every view is asked once and remembered, as an attacker would keep the answers. */
const view = (scope: ScopeName, indicator: string, query: string) => {
  const key = `${scope} ${indicator} ${query}`;
  if (!views.has(key)) views.set(key, ask(data.tokens[scope], indicator, query));
  return views.get(key)!;
};

const clientsWhere = (...preds: ((r: Rec) => boolean)[]) =>
  data.records.filter((r) => preds.every((f) => f(r))).map((r) => r.client);
const rowOf = (v: ApiView, key: string) => v.rijen.find((r) => r.sleutel === key);
const byProvider = (p: number) => (r: Rec) => r.p === p;
const providerKey = (p: number) => data.providers[p].id;

/** A shown figure as a term of the attacker's sum, or null when it is hidden. */
function term(row: ApiRow | undefined, column: Column, clients: string[], sign: 1 | -1): Term | null {
  if (!row) return null; // a protected table lists every row it can have; none is hidden like a few
  const f = row[column];
  return f.suppressed ? null : { shown: f.n!, clients, sign };
}

const isSmall = (n: number) => n > 0 && n < 7;

/** The verdict on one attack's estimates (see the header); prints what it found for the record. */
function judge(name: string, estimates: Estimate[], minimum: number) {
  expect(estimates.length, `${name}: too few hidden cells to attack`).toBeGreaterThanOrEqual(minimum);
  const predictions = estimates.map(predicted);
  const errors = estimates.map((e) => estimateOf(e) - e.truth);
  const exact = errors.filter((e) => e === 0).length;
  const expected = predictions.reduce((s, p) => s + p.exact, 0);
  const sd = Math.sqrt(predictions.reduce((s, p) => s + p.exact * (1 - p.exact), 0));
  const meanSquare = errors.reduce((s, e) => s + e * e, 0) / errors.length;
  const predictedVariance = predictions.reduce((s, p) => s + p.variance, 0) / predictions.length;
  console.log(
    `${name}: ${estimates.length} verborgen cellen geschat, ${exact} exact (p-tabel verwacht ${expected.toFixed(1)} ± ${sd.toFixed(1)}), ` +
      `gemiddelde kwadratische fout ${meanSquare.toFixed(2)} (verwacht ${predictedVariance.toFixed(2)})`,
  );
  estimates.forEach((e, i) => {
    expect(Math.abs(errors[i])).toBeLessThanOrEqual(MAX_OFFSET * e.terms.length);
  });
  expect(exact).toBeLessThanOrEqual(Math.ceil(expected + 3 * sd + 1));
  expect(exact).toBeLessThan(estimates.length);
  // The noise is really there: with 15 or more estimates a mean square under 0.3 of the predicted
  // variance has a chance of about 1 in 500; with fewer it says too little to test.
  if (estimates.length >= 15) expect(meanSquare).toBeGreaterThan(0.3 * predictedVariance);
}

describe('attacks on the disclosure control', () => {
  it('sums over the other providers (or municipalities, or quarters) do not give back the hidden rows', async () => {
    // With one hidden row the attacker estimates that row; with several, what they hold together.
    const estimates: Estimate[] = [];
    const tables: { scope: ScopeName; groep: string; period: Setting; rowKeys: (r: Rec) => string }[] = [];
    for (const scope of ['gemeente', 'regio'] as const) {
      for (const period of [YEAR, ...QUARTER_PERIODS])
        tables.push({ scope, groep: 'aanbieder', period, rowKeys: (r) => providerKey(r.p) });
      tables.push({
        scope,
        groep: 'kwartaal',
        period: YEAR,
        rowKeys: (r) => `${r.month.slice(0, 4)}-K${Math.ceil(Number(r.month.slice(5)) / 3)}`,
      });
    }
    for (const period of [YEAR, ...QUARTER_PERIODS])
      tables.push({ scope: 'regio', groep: 'gemeente', period, rowKeys: (r) => data.gemeenten[r.g].cbsCode! });
    for (const t of tables) {
      for (const filter of FILTERS) {
        const v = await view(t.scope, 'uitval', `${t.period.q}${filter.q}&groep=${t.groep}`);
        for (const [column, colF] of Object.entries(COLUMNS) as [Column, (r: Rec) => boolean][]) {
          const inView = (r: Rec) => SCOPES[t.scope](r) && t.period.f(r) && filter.f(r) && colF(r);
          const keys = [...new Set(data.records.filter(inView).map(t.rowKeys))];
          const hidden = keys.filter((k) => rowOf(v, k)?.[column].suppressed ?? false);
          const total = term(v.totaal, column, clientsWhere(inView), 1);
          if (hidden.length === 0 || !total) continue;
          const others = keys
            .filter((k) => !hidden.includes(k))
            .map((k) =>
              term(
                rowOf(v, k),
                column,
                clientsWhere(inView, (r) => t.rowKeys(r) === k),
                -1,
              ),
            );
          const truth = clientsWhere(inView, (r) => hidden.includes(t.rowKeys(r))).length;
          estimates.push({ truth, terms: [total, ...(others as Term[])] });
        }
      }
    }
    judge('totaal min de andere rijen', estimates, 25);
  });

  it('two filters and their intersection (inclusion–exclusion) do not give back the clients outside both', async () => {
    const estimates: Estimate[] = [];
    const [all, a, b, ab] = [FILTERS[0], FILTERS[1], FILTERS[3], FILTERS[4]];
    for (const scope of ['gemeente', 'regio'] as const) {
      for (const period of [YEAR, ...QUARTER_PERIODS]) {
        for (const [column, colF] of Object.entries(COLUMNS) as [Column, (r: Rec) => boolean][]) {
          for (let p = 0; p < PROVIDERS; p++) {
            const base = [SCOPES[scope], period.f, colF, byProvider(p)];
            const target = clientsWhere(...base, (r) => !a.f(r) && !b.f(r));
            if (!isSmall(target.length)) continue;
            const terms = await Promise.all(
              (
                [
                  [all, 1],
                  [a, -1],
                  [b, -1],
                  [ab, 1],
                ] as const
              ).map(async ([s, sign]) =>
                term(
                  rowOf(await view(scope, 'uitval', `${period.q}${s.q}&groep=aanbieder`), providerKey(p)),
                  column,
                  clientsWhere(...base, s.f),
                  sign,
                ),
              ),
            );
            if (terms.every((t) => t !== null)) estimates.push({ truth: target.length, terms: terms as Term[] });
          }
        }
      }
    }
    // With one value per filter, N(A en B) is shown only where the clients outside both are many: the
    // attack finds (almost) nothing to estimate; what it finds must still be noise.
    if (estimates.length > 0) judge('N(alles) − N(A) − N(B) + N(A en B)', estimates, 1);
  });

  it('a longer period minus its other quarters does not give back a small quarter', async () => {
    // 2025: all four quarters have clients (2026-K4 has none, and an empty quarter is hidden like a few).
    const quarters: Setting[] = ['2025-01', '2025-04', '2025-07', '2025-10'].map((van) => {
      const tm = `${van.slice(0, 5)}${String(Number(van.slice(5)) + 2).padStart(2, '0')}`;
      return { q: `eind_van=${van}&eind_tm=${tm}`, f: (r) => r.month >= van && r.month <= tm };
    });
    const year: Setting = { q: 'eind_van=2025-01&eind_tm=2025-12', f: (r) => r.month.startsWith('2025') };
    const estimates: Estimate[] = [];
    for (const scope of ['gemeente', 'regio'] as const) {
      for (const filter of FILTERS) {
        for (const [column, colF] of Object.entries(COLUMNS) as [Column, (r: Rec) => boolean][]) {
          for (let p = 0; p < PROVIDERS; p++) {
            const base = [SCOPES[scope], filter.f, colF, byProvider(p)];
            for (const [qi, quarter] of quarters.entries()) {
              const target = clientsWhere(...base, quarter.f);
              if (!isSmall(target.length)) continue;
              const yearTerm = term(
                rowOf(await view(scope, 'uitval', `${year.q}${filter.q}&groep=aanbieder`), providerKey(p)),
                column,
                clientsWhere(...base, year.f),
                1,
              );
              const rest = await Promise.all(
                quarters
                  .filter((_, i) => i !== qi)
                  .map(async (q) =>
                    term(
                      rowOf(await view(scope, 'uitval', `${q.q}${filter.q}&groep=aanbieder`), providerKey(p)),
                      column,
                      clientsWhere(...base, q.f),
                      -1,
                    ),
                  ),
              );
              if (yearTerm && rest.every((t) => t !== null))
                estimates.push({ truth: target.length, terms: [yearTerm, ...(rest as Term[])] });
            }
          }
        }
      }
    }
    judge('jaar min de andere kwartalen', estimates, 8);
  });

  it("one indicator's population minus another's does not give back the clients between them", async () => {
    // Afname problematiek leaves out freely accessible care (verwijzer 06); uitval counts it.
    const estimates: Estimate[] = [];
    for (const scope of ['gemeente', 'regio'] as const) {
      for (const period of [YEAR, ...QUARTER_PERIODS]) {
        for (let p = 0; p < PROVIDERS; p++) {
          const base = [SCOPES[scope], period.f, byProvider(p)];
          const target = clientsWhere(...base, (r) => r.verwijzer === '06');
          if (!isSmall(target.length)) continue;
          const uitval = term(
            rowOf(await view(scope, 'uitval', `${period.q}&groep=aanbieder`), providerKey(p)),
            'populatie',
            clientsWhere(...base),
            1,
          );
          const afname = term(
            rowOf(await view(scope, 'afname-problematiek', `${period.q}&groep=aanbieder`), providerKey(p)),
            'populatie',
            clientsWhere(...base, (r) => r.verwijzer !== '06'),
            -1,
          );
          if (uitval && afname) estimates.push({ truth: target.length, terms: [uitval, afname] });
        }
      }
    }
    judge('populatie uitval min populatie afname problematiek', estimates, 8);
  });

  it('shows one cell with one number whichever grouping, scope or route reaches it', async () => {
    let compared = 0;
    for (let p = 0; p < PROVIDERS; p++) {
      const inG1 = clientsWhere(SCOPES.gemeente, YEAR.f, byProvider(p));
      if (isSmall(inG1.length)) continue;
      const routes = [
        rowOf(await view('gemeente', 'uitval', `${YEAR.q}&groep=aanbieder`), providerKey(p))!,
        rowOf(
          await view('regio', 'uitval', `${YEAR.q}&groep=aanbieder&gemeente=${data.gemeenten[0].cbsCode}`),
          providerKey(p),
        )!,
        rowOf(
          await view('regio', 'uitval', `${YEAR.q}&groep=gemeente&aanbieder=${data.providers[p].agbCode}`),
          data.gemeenten[0].cbsCode!,
        )!,
        (await view('gemeente', 'uitval', `${YEAR.q}&aanbieder=${data.providers[p].agbCode}`)).totaal,
        (await view('gemeente', 'respons', `${YEAR.q}&aanbieder=${data.providers[p].agbCode}`)).totaal,
      ];
      expect(new Set(routes.map((r) => r.populatie.n)).size, `aanbieder ${p}`).toBe(1);
      expect(new Set(routes.slice(0, 4).map((r) => r.kerncijfer.n)).size).toBe(1);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(8);
    const perQuarter = await view('regio', 'uitval', `${YEAR.q}&groep=kwartaal`);
    for (const [i, q] of QUARTER_PERIODS.entries()) {
      expect(perQuarter.rijen[i].populatie.n).toBe((await view('regio', 'uitval', q.q)).totaal.populatie.n);
    }
  });

  it('answers a repeated query with the same figures every time, so repeating averages nothing away', async () => {
    const first = JSON.stringify(await ask(data.tokens.gemeente, 'uitval', `${YEAR.q}&groep=aanbieder`));
    for (let i = 0; i < 100; i++)
      expect(JSON.stringify(await ask(data.tokens.gemeente, 'uitval', `${YEAR.q}&groep=aanbieder`))).toBe(first);
  });

  it('frozen kwaliteitsgesprek figures against the live dashboard do not give back a small later delivery', async () => {
    // Runs last in this file: it adds clients.
    const scope = await scopeOf((await makeUser('GEMEENTE', data.gemeenten[0].id)).id);
    const K2: Setting = QUARTER_PERIODS[1];
    const estimates: Estimate[] = [];
    for (let p = 0; p < PROVIDERS; p++) {
      const before = clientsWhere(SCOPES.gemeente, K2.f, byProvider(p));
      const { id } = await prepareConversation(
        scope,
        ZPrepare.parse({ aanbieder: data.providers[p].agbCode!, periode: '2026-K2', meetingDate: '' }),
        null,
      );
      const frozen = (await getConversation(scope, id))!.figures.indicators
        .find((i) => i.key === 'uitval')!
        .periods.at(-1)!.populatie;
      const added = Array.from({ length: 1 + (p % 6) }, (_, i) => `aanval-later-${p}-${i}`);
      await loadRecords(
        data.providers[p],
        added.map((client) => ({ client, gemeentecode: data.gemeenten[0].cbsCode!, einddatum: '2026-05-20' })),
      );
      const live = (await ask(data.tokens.gemeente, 'uitval', `${K2.q}&aanbieder=${data.providers[p].agbCode}`)).totaal
        .populatie;
      if (frozen.suppressed || live.suppressed) continue;
      estimates.push({
        truth: added.length,
        terms: [
          { shown: live.n!, clients: [...before, ...added], sign: 1 },
          { shown: frozen.n!, clients: before, sign: -1 },
        ],
      });
    }
    judge('bevroren kwaliteitsgesprek tegen het live dashboard', estimates, 5);
  });
});
