// npm run bench:dashboard [-- --rows 5000000 --runs 40] — national scale: synthetic trajectories over
// ten years for 342 municipalities and 1,500 providers. Prints p50/p95 of the indicator API (the
// route handler itself: token, scope, one query for every cell with its cell keys, the disclosure
// control, JSON) for one municipality and for a region, with and without filters, next to a
// hand-written single SQL aggregate of the same figure in the same run.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabaseServer } from './database-server';
import { generateSecrets } from './local-secrets';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '5000000' }, runs: { type: 'string', default: '40' } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const GEMEENTEN = 342;
const nf = new Intl.NumberFormat('nl-NL');
const ms = (v: number) => `${v.toFixed(1).replace('.', ',')} ms`;

const server = await openDatabaseServer('bench-pg', 54349);
try {
  const url = await server.fresh('bench_dashboard');
  Object.assign(process.env, generateSecrets(), { DATABASE_URL: url });
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();

  console.log(
    `${nf.format(ROWS)} synthetische trajecten genereren (tien jaar, ${GEMEENTEN} gemeenten, 1.500 aanbieders)…`,
  );
  let t = performance.now();
  // Municipalities with a skewed size distribution (a few large cities, many small towns).
  await owner.query(`INSERT INTO organisation (id, kind, name, cbs_code)
    SELECT gen_random_uuid(), 'GEMEENTE', 'Benchgemeente ' || i, lpad((1000 + i)::text, 4, '0') FROM generate_series(1, ${GEMEENTEN}) i`);
  await owner.query(`INSERT INTO organisation (id, kind, name, agb_code)
    SELECT gen_random_uuid(), 'AANBIEDER', 'Benchaanbieder ' || i, lpad((90000000 + i)::text, 8, '0') FROM generate_series(1, 1500) i`);
  const regio = (
    await owner.query(
      `INSERT INTO organisation (id, kind, name) VALUES (gen_random_uuid(), 'REGIO', 'Benchregio') RETURNING id`,
    )
  ).rows[0].id;
  // The region: ten municipalities of middling size (ranks 20–29).
  await owner.query(
    `INSERT INTO regio_member (regio_id, gemeente_id) SELECT $1, id FROM organisation WHERE cbs_code BETWEEN '1020' AND '1029'`,
    [regio],
  );
  await owner.query(
    `CREATE TEMP TABLE bench_aanbieder AS SELECT row_number() OVER (ORDER BY agb_code) AS i, id FROM organisation WHERE kind = 'AANBIEDER'`,
  );
  await owner.query(`SELECT set_config('app.scope_kind', 'system', false)`);
  const BATCH = 500_000;
  for (let from = 0; from < ROWS; from += BATCH) {
    // Each row draws from hashes of its number: deterministic, and fast inside PostgreSQL.
    await owner.query(`
      INSERT INTO trajectory (aanbieder_id, traject_id, respondent, client_pseudonym, geboortejaar, geslacht, gemeentecode,
        begindatum, einddatum, reden_einde, verwijzer, hulpvorm, productcategorie, profiel, zorgvraagzwaarte, complexiteit,
        tevredenheid, zonder_hulp_verder, afname_problematiek, doelrealisatie, meetdatum,
        client_key, traject_key, row_key, record_key_version)
      SELECT a.id, 'B' || n, CASE WHEN m THEN '1' END, 'v1:' || md5((n % ${Math.round(ROWS / 1.5)})::text),
        2008, 'V', lpad((1000 + 1 + floor(${GEMEENTEN} * power(r1, 2.2)))::int::text, 4, '0'),
        b, CASE WHEN b + d < current_date THEN b + d END,
        CASE WHEN b + d < current_date THEN (ARRAY['01','01','01','01','01','01','02','03','04','05'])[1 + floor(r2 * 10)::int] END,
        (ARRAY['01','01','01','02','02','03','04','05','06','08'])[1 + floor(r3 * 10)::int],
        (ARRAY['01','02','02','02','03','04','11','12','13','14'])[1 + floor(r4 * 10)::int], '45', 1 + floor(r5 * 10)::int,
        1 + floor(r2 * 3)::int, 1 + floor(r3 * 2)::int,
        CASE WHEN m THEN 1 + floor(r5 * 10)::int END, CASE WHEN m THEN 1 + floor(r4 * 4)::int END,
        CASE WHEN m THEN 1 + floor(r3 * 5)::int END, CASE WHEN m THEN floor(r2 * 4)::int - 1 END,
        CASE WHEN m AND b + d < current_date THEN b + d - 3 END,
        -- Record keys as uniform as keyed ones (the version-0 placeholders of the migration): speed is the same.
        hashtextextended(md5((n % ${Math.round(ROWS / 1.5)})::text), 1) & 9223372036854775807,
        hashint8(n) & 9223372036854775807, hashint8(n) & 9223372036854775807, 0
      FROM (
        SELECT n, r1, r2, r3, r4, r5, current_date - 3650 + floor(r1 * 97 + r5 * 3650)::int % 3650 AS b,
               14 + floor(r4 * r4 * 700)::int AS d, r3 < 0.45 AS m
        FROM (
          SELECT n, (abs(hashint8(n)) % 1000000) / 1e6 AS r1, (abs(hashint8(n + 7)) % 1000000) / 1e6 AS r2,
                 (abs(hashint8(n + 13)) % 1000000) / 1e6 AS r3, (abs(hashint8(n + 29)) % 1000000) / 1e6 AS r4,
                 (abs(hashint8(n + 41)) % 1000000) / 1e6 AS r5
          FROM generate_series(${from + 1}::bigint, ${Math.min(from + BATCH, ROWS)}::bigint) n
        ) x
      ) y JOIN bench_aanbieder a ON a.i = 1 + (hashint8(n + 101) & 2147483647) % 1500`);
    process.stdout.write(`  ${nf.format(Math.min(from + BATCH, ROWS))}\r`);
  }
  console.log(
    `Geladen in ${((performance.now() - t) / 1000).toFixed(0)} s. Koppeling over aanbieders (volgende_start) berekenen…`,
  );
  t = performance.now();
  const { relinkAll } = await import('@/lib/imports/link-clients');
  await relinkAll(owner);
  await owner.query('ANALYZE');
  console.log(`Koppeling en ANALYZE in ${((performance.now() - t) / 1000).toFixed(0)} s.`);

  const { db, closeDb } = await import('@/lib/db');
  const { newToken, hashToken, tokenPrefix } = await import('@/lib/services/api-tokens/token-hash');
  const { GET } = await import('@/app/api/v1/indicatoren/[indicator]/route');
  const { rows: sizes } = await owner.query(
    `SELECT gemeentecode, count(*) AS n FROM trajectory GROUP BY 1 ORDER BY 2 DESC`,
  );
  // One municipality of the size of Tilburg or Groningen (rank 10), the region of ten from above.
  const gemeenteCode = sizes[9].gemeentecode as string;
  const tokenFor = async (where: { cbsCode?: string; id?: string }) => {
    const org = await db().organisation.findFirstOrThrow({ where });
    const token = newToken();
    await db().apiToken.create({
      data: { organisationId: org.id, name: 'bench', prefix: tokenPrefix(token), tokenHash: hashToken(token) },
    });
    return token;
  };
  const scopes = [
    {
      label: `gemeente ${gemeenteCode} (${nf.format(Number(sizes[9].n))} trajecten)`,
      token: await tokenFor({ cbsCode: gemeenteCode }),
      codes: [gemeenteCode],
    },
    {
      label: 'regio van 10 gemeenten',
      token: await tokenFor({ id: regio }),
      codes: sizes
        .filter((s) => s.gemeentecode >= '1020' && s.gemeentecode <= '1029')
        .map((s) => s.gemeentecode as string),
    },
  ];
  const period = { van: '2025-10-01', tot: '2026-10-01', query: 'eind_van=2025-10&eind_tm=2026-09' };
  const variants = [
    { label: 'zonder filters', query: '', sql: '' },
    {
      label: 'verwijzer 01+02, hulpvorm 02',
      query: '&verwijzer=01&verwijzer=02&hulpvorm=02',
      sql: `AND verwijzer IN ('01','02') AND hulpvorm = '02'`,
    },
  ];
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn();
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await fn();
      out.push(performance.now() - s);
    }
    return { p50: pct(out, 50), p95: pct(out, 95) };
  };
  console.log(
    `\nUitval via GET /api/v1/indicatoren/uitval, einddatum ${period.van} t/m ${period.tot} (excl.), ${RUNS} runs:`,
  );
  for (const s of scopes) {
    for (const v of variants) {
      const api = await time(async () => {
        const res = await GET(
          new Request(`http://bench/api/v1/indicatoren/uitval?${period.query}${v.query}`, {
            headers: { authorization: `Bearer ${s.token}` },
          }),
          {
            params: Promise.resolve({ indicator: 'uitval' }),
          },
        );
        if (res.status !== 200) throw new Error(`API ${res.status}`);
        await res.json();
      });
      const hand = await time(() =>
        owner.query(
          `SELECT count(*) FILTER (WHERE reden_einde = '03') AS uitval, count(*) AS trajecten, count(DISTINCT client_pseudonym) AS clienten
           FROM trajectory WHERE gemeentecode = ANY($1) AND einddatum >= $2 AND einddatum < $3 ${v.sql}`,
          [s.codes, period.van, period.tot],
        ),
      );
      console.log(`  ${s.label}, ${v.label}:`);
      console.log(
        `    API p50 ${ms(api.p50)}, p95 ${ms(api.p95)} · handgeschreven SQL p50 ${ms(hand.p50)}, p95 ${ms(hand.p95)} · verhouding p95 ${(api.p95 / hand.p95).toFixed(1)}×`,
      );
    }
  }
  await owner.end();
  await closeDb();
} finally {
  await server.close();
}
