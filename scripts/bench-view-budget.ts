// npm run bench:view-budget — how many distinct views people and BI tools ask, beside the budget and the
// detector's thresholds (docs/view-budget.md), on the demo data; and what charging costs a view. A fresh
// database on the PostgreSQL of DATABASE_URL (or an embedded one), demo-seeded, dropped afterwards.
import { performance } from 'node:perf_hooks';
import { writeBenchResult } from './bench-result';
import { openDatabaseServer } from './database-server';
import { generateSecrets } from './local-secrets';

const server = await openDatabaseServer('bench-pg', 54349);
try {
  Object.assign(process.env, generateSecrets(), { DATABASE_URL: await server.fresh('viewbudget') });
  const { seedDemo } = await import('@/prisma/seed/seed-demo');
  const { db, pgPool, closeDb } = await import('@/lib/db');
  const { env } = await import('@/lib/env');
  const { scopeFor } = await import('@/lib/access/scope');
  const { createSession, resolveSession } = await import('@/lib/auth/sessions');
  const { chargeView, setViewClock } = await import('@/lib/services/disclosure/charge-view');
  const { getIndicatorView } = await import('@/lib/services/indicators/get-indicator-view');
  const { findIndicator } = await import('@/lib/indicators/registry');
  const { parseViewParams, filtersFor } = await import('@/lib/indicators/view-params');
  const walks = await import('./view-walks');

  await seedDemo();
  const e = env();
  const scopeOf = async (email: string) => {
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const state = await resolveSession(await createSession(user.id));
    if (!('user' in state)) throw new Error(`geen sessie voor ${email}`);
    return scopeFor(state.user);
  };
  const figuresOf = async (organisationId: string) =>
    (
      await pgPool().query<{ views: number; family: number; rate: number; alerts: number }>(
        `SELECT count(*)::int AS views, coalesce(max(family_size), 0) AS family, coalesce(max(rate), 0) AS rate,
           (SELECT count(*)::int FROM view_alert WHERE organisation_id = $1) AS alerts
         FROM view_charge WHERE organisation_id = $1`,
        [organisationId],
      )
    ).rows[0];
  // Each scenario charges a fresh month, so scenarios do not share views.
  const months = ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-06', '2026-05-05', '2026-06-08'];
  const startOf = (i: number, hour = 8) => new Date(`${months[i]}T0${hour}:00:00+01:00`);

  type Row = { scenario: string; views: number; family: number; rate: number; alerts: number; pages: number };
  const rows: Row[] = [];
  const heavyDay = async (i: number, email: string, label: string) => {
    const scope = await scopeOf(email);
    const day = await walks.contractManagerDay(scope);
    await walks.walkAt(scope, day, startOf(i));
    rows.push({ scenario: label, pages: day.length, ...(await figuresOf(scope.user.organisationId)) });
  };
  await heavyDay(0, 'gemeente@gemeenteportaal.demo', 'zware dag contractmanager, Tilburg (20 s per pagina)');
  await heavyDay(
    1,
    'regio@gemeenteportaal.demo',
    'zware dag contractmanager, regio Hart van Brabant (20 s per pagina)',
  );

  // A BI tool's nightly refresh, every night of a month at 02:00: repeats are free.
  const bi = await scopeOf('hilvarenbeek@gemeenteportaal.demo');
  const night = walks.biRefresh();
  for (let d = 0; d < 30; d++) {
    await walks.walkAt(bi, night, new Date(Date.parse('2026-03-01T02:00:00+01:00') + d * 86_400_000), walks.apiCall);
  }
  rows.push({
    scenario: 'BI-verversing, 30 nachten (Hilvarenbeek)',
    pages: night.length * 30,
    ...(await figuresOf(bi.user.organisationId)),
  });

  console.log(
    `\nOverzichtenbudget ${e.VIEW_BUDGET_PER_MONTH} per maand; detector: meer dan ${e.VIEW_VARIANTS_MAX} varianten van één overzicht in ${e.VIEW_VARIANTS_WINDOW_MINUTES} minuten, of meer dan ${e.VIEW_RATE_MAX_PER_MINUTE} nieuwe overzichten in een minuut\n`,
  );
  const header = ['scenario', "pagina's/aanroepen", 'overzichten', 'grootste familie', 'meeste per minuut', 'detector'];
  const table = rows.map((r) => [
    r.scenario,
    String(r.pages),
    `${r.views} van ${e.VIEW_BUDGET_PER_MONTH}`,
    `${r.family} (grens ${e.VIEW_VARIANTS_MAX})`,
    `${r.rate} (grens ${e.VIEW_RATE_MAX_PER_MINUTE})`,
    r.alerts ? `${r.alerts}× gegaan` : 'stil',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((t) => t[c].length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...table]) {
    console.log(line.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  }

  // What charging costs: a new view (one round trip), a view this process charged before (none), beside the view itself.
  const tilburg = await scopeOf('gemeente@gemeenteportaal.demo');
  const uitval = findIndicator('uitval')!;
  const newCharge: number[] = [];
  const repeatCharge: number[] = [];
  const viewTimes: number[] = [];
  const roundTrips: number[] = [];
  // A minute apart, so the measurement itself stays below the detector.
  for (let i = 0; i < 200; i++) {
    const at = new Date(startOf(4).getTime() + i * 60_000);
    setViewClock(() => at);
    const params = parseViewParams(
      tilburg,
      new URLSearchParams(
        `groep=aanbieder&eind_van=2025-01&eind_tm=2025-12&profiel=${(i % 10) + 1}&zorgvraagzwaarte=${(i % 3) + 1}&hulpvorm=${['01', '02', '03', '04', '11', '12', '13', '14'][i % 8]}`,
      ),
    );
    const view = {
      indicator: uitval.key,
      domein: params.domein,
      groupBy: params.groupBy,
      filters: { ...filtersFor(tilburg, uitval, params), reden_einde: [String(i).padStart(4, '0')] },
    };
    let t = performance.now();
    await chargeView(tilburg, view);
    newCharge.push(performance.now() - t);
    t = performance.now();
    await chargeView(tilburg, view);
    repeatCharge.push(performance.now() - t);
    t = performance.now();
    await getIndicatorView(tilburg, uitval, params);
    viewTimes.push(performance.now() - t);
    t = performance.now();
    await pgPool().query('SELECT 1');
    roundTrips.push(performance.now() - t);
  }
  setViewClock(null);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(
    `\nKosten per overzicht (mediaan van 200): nieuw ${ms(median(newCharge))}, herhaald ${ms(median(repeatCharge))}; ` +
      `het overzicht zelf (uitval per aanbieder met drie filters, nieuw, demodata, aanrekenen inbegrepen) ${ms(median(viewTimes))}; ` +
      `een lege rondgang (SELECT 1) ${ms(median(roundTrips))}`,
  );
  writeBenchResult('view-budget', [
    ...rows.map((r) => ({
      figure: `overzichten: ${r.scenario}`,
      value: `${r.views}, familie ${r.family}, ${r.rate}/min`,
      aim: `< ${e.VIEW_BUDGET_PER_MONTH}, ≤ ${e.VIEW_VARIANTS_MAX}, ≤ ${e.VIEW_RATE_MAX_PER_MINUTE}`,
      met:
        r.views < e.VIEW_BUDGET_PER_MONTH &&
        r.family <= e.VIEW_VARIANTS_MAX &&
        r.rate <= e.VIEW_RATE_MAX_PER_MINUTE &&
        !r.alerts,
    })),
    { figure: 'overzicht aanrekenen, nieuw (mediaan)', value: ms(median(newCharge)), aim: '≤ 1 rondgang', met: null },
  ]);
  await closeDb();
} finally {
  await server.close();
}
