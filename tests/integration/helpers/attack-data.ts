// A region of two municipalities served by fourteen providers of very different sizes, loaded through
// the import's own loader, with the truth of every figure kept beside it, and what an attacker can
// ask: the indicator API with a municipality's and the region's token. Used by the attack suite and
// the usefulness test of the disclosure control (docs/disclosure-control.md).
import { GET } from '@/app/api/v1/indicatoren/[indicator]/route';
import { predictError } from '@/lib/disclosure/averaging-attack';
import { issueApiToken } from '@/lib/services/api-tokens/issue-api-token';
import { loadRecords, makeAanbieder, makeGemeente, makeRegio, makeUser, type RecordInput, scopeOf } from './fixtures';

export const PROVIDERS = 14;
/** Quarters with data: 2025-K4 … 2026-K3 and, thinner, the year before. */
export const QUARTERS = [
  '2024-07',
  '2024-10',
  '2025-01',
  '2025-04',
  '2025-07',
  '2025-10',
  '2026-01',
  '2026-04',
  '2026-07',
];
/** A calendar year, as a protected view's period is (lib/indicators/view-grammar.ts). */
export const PERIOD = 'eind_van=2026-01&eind_tm=2026-12';

/** One client, one trajectory: a count of trajectories is a count of clients, which keeps the truth simple. */
export type Rec = {
  client: string;
  p: number;
  g: number;
  month: string;
  reden: string;
  verwijzer: string;
  hulpvorm: string;
};

/** mulberry32: the same dataset in every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRecords(prefix: string): Rec[] {
  const r = rng(20261129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out: Rec[] = [];
  for (let p = 0; p < PROVIDERS; p++) {
    // Five large providers, five middling ones, four with a handful of clients.
    const [lo, hi] = p < 5 ? [14, 34] : p < 10 ? [4, 14] : [0, 5];
    for (let g = 0; g < 2; g++) {
      QUARTERS.forEach((q, qi) => {
        const n = Math.floor((lo + r() * (hi - lo + 1)) * (qi < 5 ? 0.5 : 1));
        for (let j = 0; j < n; j++) {
          const month = `${q.slice(0, 5)}${String(Number(q.slice(5)) + Math.floor(r() * 3)).padStart(2, '0')}`;
          out.push({
            client: `${prefix}-${p}-${g}-${q}-${j}`,
            p,
            g,
            month,
            reden: pick(['01', '01', '01', '01', '02', '02', '03', '03', '04']),
            verwijzer: r() < 0.06 ? '06' : pick(['01', '02', '03']),
            hulpvorm: pick(['02', '03']),
          });
        }
      });
    }
  }
  return out;
}

/** The record as the loader takes it, with a measurement for about two in three. */
function input(rec: Rec, gemeentecode: string, i: number): RecordInput {
  const measured = i % 3 !== 0;
  return {
    client: rec.client,
    gemeentecode,
    begindatum: '2024-01-02',
    einddatum: `${rec.month}-15`,
    redenEinde: rec.reden,
    verwijzer: rec.verwijzer,
    hulpvorm: rec.hulpvorm,
    ...(measured
      ? {
          respondent: '1',
          tevredenheid: 1 + (i % 10),
          zonderHulpVerder: 1 + (i % 4),
          afnameProblematiek: 1 + (i % 5),
          doelrealisatie: (i % 4) - 1,
        }
      : {}),
  };
}

export async function loadAttackData(prefix: string) {
  const gemeenten = [await makeGemeente(), await makeGemeente()];
  const regio = await makeRegio(gemeenten.map((g) => g.id));
  const providers = await Promise.all(Array.from({ length: PROVIDERS }, () => makeAanbieder()));
  const records = makeRecords(prefix);
  for (let p = 0; p < PROVIDERS; p++) {
    const own = records.filter((rec) => rec.p === p);
    await loadRecords(
      providers[p],
      own.map((rec, i) => input(rec, gemeenten[rec.g].cbsCode!, i)),
    );
  }
  // Each organisation issues its own token, as a contract manager would for a BI tool.
  const tokenOf = async (organisationId: string, role: 'GEMEENTE' | 'REGIO') =>
    (await issueApiToken(await scopeOf((await makeUser(role, organisationId)).id), { name: 'aanval' }, null)).token;
  return {
    gemeenten,
    regio,
    providers,
    records,
    tokens: { gemeente: await tokenOf(gemeenten[0].id, 'GEMEENTE'), regio: await tokenOf(regio.id, 'REGIO') },
    providerIndex: new Map(providers.map((p, i) => [p.id, i])),
    gemeenteIndex: new Map(gemeenten.map((g, i) => [g.cbsCode!, i])),
  };
}

export type Shown = { n: number | null; percentage: number | null; suppressed: boolean };
export type ApiRow = {
  sleutel: string;
  kerncijfer: Shown;
  populatie: Shown;
  categorieen: (Shown & { sleutel: string })[];
};
export type ApiView = { rijen: ApiRow[]; totaal: ApiRow; geheelOnderdrukt: boolean };

/** The attacker's only door: GET /api/v1/indicatoren/<indicator> with a bearer token. */
export async function ask(token: string, indicator: string, query: string): Promise<ApiView> {
  const res = await GET(
    new Request(`http://test/api/v1/indicatoren/${indicator}?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    {
      params: Promise.resolve({ indicator }),
    },
  );
  if (res.status !== 200) throw new Error(`API ${res.status}: ${await res.text()}`);
  return res.json();
}

/** One term of an attacker's sum: a shown figure, its sign, and (for the prediction) whose count it is. */
export type Term = { shown: number; clients: string[]; sign: 1 | -1 };

/** An estimate of a hidden cell from shown figures, with the cell's true value. */
export type Estimate = { truth: number; terms: Term[] };

export const estimateOf = (e: Estimate) => e.terms.reduce((s, t) => s + t.sign * t.shown, 0);

/**
 * What the p-table predicts for an estimate's error (lib/disclosure/averaging-attack.ts): terms over
 * the same clients carry the same offset, so the same cell twice with opposite signs cancels.
 */
export function predicted(e: Estimate): { exact: number; variance: number } {
  const { exact, variance } = predictError(
    e.terms.map((t) => ({ sign: t.sign, truth: { n: t.clients.length, id: [...t.clients].sort().join('|') } })),
  );
  return { exact, variance };
}
