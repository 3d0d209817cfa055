// npm run disclosure:risk — the averaging attack of a scripted insider, run against this database as
// every region and municipality in it would see it (read only: nothing is written, no budget used),
// scored against the exact figures. Prints per scope and family: hidden cells, how many the attack
// could estimate, exact recoveries, the chance of one difference, and whether the detector would fire
// (more requests the grammar had to change than VIEW_VARIANTS_MAX: it is not run, nothing is written)
// (docs/disclosure-control.md, "Residual risk"). Without DATABASE_URL it reads the demo's embedded
// database (started by npm start).
import path from 'node:path';
import { HULPVORM, VERWIJZER } from '@/lib/cbs/code-lists';
import { startEmbeddedDb } from './embedded-db';
import { applySecrets, loadOrCreateLocalSecrets } from './local-secrets';

const YEAR = Number(process.argv[2] ?? new Date().getUTCFullYear() - 1);
let embedded: Awaited<ReturnType<typeof startEmbeddedDb>> | undefined;
if (!process.env.DATABASE_URL) {
  const dataDir = path.join(process.cwd(), '.data');
  applySecrets(loadOrCreateLocalSecrets(dataDir));
  embedded = await startEmbeddedDb(path.join(dataDir, 'pg'), Number(process.env.GP_EMBEDDED_PG_PORT ?? 54329));
  process.env.DATABASE_URL = embedded.serverUrl('gemeenteportaal');
}

const { pgPool, closeDb } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { attackFamilies } = await import('@/lib/disclosure/attack-families');
const { exactTruth } = await import('@/lib/disclosure/exact-truth');
const { runFamily } = await import('@/lib/disclosure/run-family');
const { indicatorJson } = await import('@/lib/exports/indicator-json');
const { parseViewParams } = await import('@/lib/indicators/view-params');
const { findIndicator } = await import('@/lib/indicators/registry');
const { computeIndicatorView } = await import('@/lib/services/indicators/get-indicator-view');
const { scopeProviderIds } = await import('@/lib/services/indicators/get-filter-options');
const { providerNames } = await import('@/lib/services/organisations/organisation-names');
type Scope = import('@/lib/access/scope').Scope;
type Answer = import('@/lib/disclosure/attack-families').Answer;

const uitval = findIndicator('uitval')!;
const { rows: orgs } = await pgPool().query<{ id: string; name: string; kind: string; codes: string[] }>(
  `SELECT o.id, o.name, o.kind::text AS kind,
          CASE WHEN o.kind = 'GEMEENTE' THEN ARRAY[o.cbs_code::text]
               ELSE ARRAY(SELECT g.cbs_code::text FROM regio_member m JOIN organisation g ON g.id = m.gemeente_id WHERE m.regio_id = o.id) END AS codes
     FROM organisation o WHERE o.kind IN ('GEMEENTE', 'REGIO') AND o.active ORDER BY o.kind DESC, o.name`,
);
const begin: string[] = [];
for (let y = YEAR - 10; y <= YEAR + 1; y++)
  for (let m = 1; m <= 12; m++) begin.push(`${y}-${String(m).padStart(2, '0')}`);

console.log(`Middelingsaanval op ${YEAR} (uitval, Jeugd), per regio en gemeente met gegevens:`);
console.log('scope | familie | vragen | overzichten | verborgen | geschat | exact | kans van één verschil | detector');
let totals = { exact: 0, chance: 0 };
for (const org of orgs) {
  const codes = org.codes.filter(Boolean).sort();
  const user = {
    organisationId: org.id,
    organisationKind: org.kind,
    agbCode: null,
    gemeenteCodes: codes,
    userId: 'disclosure-risk',
    email: 'disclosure-risk',
    name: 'disclosure:risk',
    role: org.kind,
  } as never;
  const scope: Scope = { kind: 'gemeente', user, gemeenteCodes: codes };
  const ids = await scopeProviderIds(scope);
  if (ids.length === 0) continue;
  const names = await providerNames(ids);
  const byAgb = new Map([...names].map(([id, p]) => [p.agbCode, id]));
  const families = attackFamilies({
    gemeenten: codes,
    aanbieders: [...byAgb.keys()],
    verwijzer: Object.keys(VERWIJZER),
    hulpvorm: Object.keys(HULPVORM),
    year: YEAR,
    firstMonth: `${YEAR}-01`,
    lastMonth: `${YEAR}-12`,
  }).filter((f) =>
    org.kind === 'REGIO' ? f.scope === 'regio' || f.name.includes('aanbieders') : f.scope === 'gemeente',
  );
  for (const family of families) {
    const run = await runFamily(
      family.queries,
      async (query) => {
        const params = parseViewParams(scope, new URLSearchParams(query));
        const view = await computeIndicatorView(scope, uitval, params);
        const answer = indicatorJson(view) as unknown as Answer;
        return { answer, truth: await exactTruth(scope, uitval, 'JEUGD', params.groupBy, view.filters) };
      },
      { gemeente: codes, aanbieder: ids, verwijzer: Object.keys(VERWIJZER), hulpvorm: Object.keys(HULPVORM), begin },
      (agb) => byAgb.get(agb) ?? agb,
    );
    totals = { exact: totals.exact + run.exact, chance: totals.chance + run.chance };
    console.log(
      `${org.name} | ${family.name} | ${run.queries} | ${run.views} | ${run.hidden} | ${run.attacked} | ${run.exact} | ${run.chance.toFixed(1)} | ${run.adjusted > env().VIEW_VARIANTS_MAX ? 'vuurt' : 'stil'} (${run.adjusted} aangepast)`,
    );
  }
}
console.log(
  `Samen: ${totals.exact} exact tegen ${totals.chance.toFixed(1)} bij één verschil (${totals.chance ? (totals.exact / totals.chance).toFixed(2) : '–'} keer).`,
);
await closeDb();
await embedded?.stop();
