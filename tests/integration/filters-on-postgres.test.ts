import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { FILTER_KEYS, type FilterKey } from '@/lib/filters/registry';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import {
  loadRecords,
  makeAanbieder,
  makeGemeente,
  makeUser,
  type RecordInput,
  scopeOf,
  shownClients,
} from './helpers/fixtures';

// Every dashboard filter, the Wmo domain and every grouping run against PostgreSQL, each checked
// against a count made here from the records themselves (not from the filter's SQL).
const AS_OF = new Date('2026-11-23T12:00:00Z');
const PERIOD = 'eind_van=2025-01&eind_tm=2026-06';
const t = Math.random().toString(36).slice(2, 8);
const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => owner.connect());
afterAll(() => owner.end());

const pick = <T>(list: readonly T[], i: number) => list[i % list.length];
/** 30 ended trajectories of 30 clients, each attribute cycling through its codes. */
const record = (i: number, gemeenten: [string, string]): RecordInput & { client: string } => ({
  client: `${t}-c${i}`,
  trajectId: `F${t}-${i}`,
  gemeentecode: pick(gemeenten, i),
  redenEinde: pick(['01', '02', '03', '04', '05'], i),
  verwijzer: pick(['01', '02', '03', '04'], i),
  hulpvorm: pick(['01', '02', '03', '04', '11'], i),
  productcategorie: pick(['40', '41', '45'], i),
  profiel: (i % 4) + 1,
  zorgvraagzwaarte: (i % 3) + 1,
  complexiteit: (i % 2) + 1,
  perspectief: pick(['01', '02', '03', '04'], i),
  respondent: pick(['1', '2', '3'], i),
  tevredenheid: 8,
  begindatum: i < 12 ? '2024-11-04' : '2026-01-05',
  einddatum: i < 6 ? '2025-03-31' : pick(['2026-02-27', '2026-05-29'], i),
});

let rows: ReturnType<typeof record>[];
let provider: Scope;
let municipality: Scope;
let agb: string;
const view = (scope: Scope, query: string, key = 'uitval') =>
  getIndicatorView(scope, findIndicator(key)!, parseViewParams(scope, new URLSearchParams(query), AS_OF));

beforeAll(async () => {
  const [g1, g2] = [await makeGemeente(), await makeGemeente()];
  const a = await makeAanbieder();
  agb = a.agbCode!;
  rows = Array.from({ length: 30 }, (_, i) => record(i, [g1.cbsCode!, g2.cbsCode!]));
  await loadRecords(a, rows);
  provider = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
  municipality = await scopeOf((await makeUser('GEMEENTE', g1.id)).id);
});

/** For each filter: the value asked for, and which records it must keep. */
const CASES: Record<FilterKey, [string, (r: ReturnType<typeof record>) => boolean]> = {
  eind_van: ['2026-04', (r) => r.einddatum! >= '2026-04-01'],
  eind_tm: ['2025-12', (r) => r.einddatum! <= '2025-12-31'],
  begin_van: ['2025-06', (r) => r.begindatum! >= '2025-06-01'],
  begin_tm: ['2024-12', (r) => r.begindatum! <= '2024-12-31'],
  reden_einde: ['03', (r) => r.redenEinde === '03'],
  gemeente: ['', () => true], // filled in below: the first municipality's code
  aanbieder: ['', () => true], // municipal scopes only: its own test below
  profiel: ['2', (r) => r.profiel === 2],
  verwijzer: ['04', (r) => r.verwijzer === '04'],
  productcategorie: ['41', (r) => r.productcategorie === '41'],
  perspectief: ['02', (r) => r.perspectief === '02'],
  zorgvraagzwaarte: ['3', (r) => r.zorgvraagzwaarte === 3],
  hulpvorm: ['11', (r) => r.hulpvorm === '11'],
  complexiteit: ['2', (r) => r.complexiteit === 2],
  respondent: ['2', (r) => r.respondent === '2'],
};

describe('every filter against PostgreSQL', () => {
  it('keeps exactly the records it names, for each of the filters', async () => {
    expect(Object.keys(CASES).sort()).toEqual([...FILTER_KEYS].sort()); // a new filter needs a case here
    CASES.gemeente = [rows[0].gemeentecode!, (r) => r.gemeentecode === rows[0].gemeentecode];
    const all = await view(provider, PERIOD);
    expect(all.total.populatie.n).toBe(30);
    for (const key of FILTER_KEYS.filter((k) => k !== 'aanbieder')) {
      const [value, keep] = CASES[key];
      const query = key.startsWith('eind_')
        ? `${PERIOD.replace(new RegExp(`${key}=[^&]*`), `${key}=${value}`)}`
        : `${PERIOD}&${key}=${value}`;
      const v = await view(provider, query);
      expect(v.total.populatie.n, key).toBe(rows.filter(keep).length);
      expect(rows.filter(keep).length, key).toBeGreaterThan(0);
      expect(rows.filter(keep).length, key).toBeLessThan(30);
    }
  });

  it('the aanbieder filter, for a municipality: its residents at that provider, protected', async () => {
    const mine = rows.filter((r) => r.gemeentecode === rows[0].gemeentecode).map((r) => r.client);
    // A protected view's period is a calendar quarter or year, a trend whole years: 2025 and 2026 per year.
    const v = await view(municipality, `eind_van=2025-01&eind_tm=2026-12&groep=jaar&aanbieder=${agb}`);
    expect(v.total.populatie.n).toBe(shownClients(mine));
    const none = await view(municipality, `${PERIOD}&aanbieder=00000000`);
    expect(none.total.populatie.suppressed).toBe(true); // none reads "< 7", like a few
  });

  it('groups per year, and keeps Jeugd and Wmo apart', async () => {
    const perYear = await view(provider, `${PERIOD}&groep=jaar`);
    expect(perYear.rows.map((r) => [r.key, r.populatie.n])).toEqual([
      ['2025', 6],
      ['2026', 24],
    ]);
    await owner.query(`UPDATE trajectory SET domein = 'WMO' WHERE traject_id = ANY($1)`, [[`F${t}-0`, `F${t}-1`]]);
    expect((await view(provider, `${PERIOD}&domein=WMO`)).total.populatie.n).toBe(2);
    expect((await view(provider, `${PERIOD}&domein=JEUGD`)).total.populatie.n).toBe(28);
    await owner.query(`UPDATE trajectory SET domein = 'JEUGD' WHERE traject_id = ANY($1)`, [[`F${t}-0`, `F${t}-1`]]);
  });
});
