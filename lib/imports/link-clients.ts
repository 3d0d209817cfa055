import type pg from 'pg';

// "Na beëindiging geen nieuwe start" links a client's trajectories across all providers: every
// ended trajectory keeps volgende_start, the first start of another trajectory of the same client
// (stage-2 pseudonym) in the same domain on or after its end: Jeugd links Jeugd, Wmo links Wmo (a
// youth who later gets Wmo support did not "start again" in youth care). The import keeps it inside its transaction without
// rescanning trajectory: it reads only the touched clients' other trajectories (an index probe per
// client), computes every link of those clients once over the staged rows and those, stores the
// incoming rows' links in the same INSERT that stores the rows, and rewrites only the existing
// rows whose link changed.

/**
 * The link of every ended trajectory in `rows` (a table or CTE of the touched clients' trajectories
 * after the merge); with `linkedOnly`, only those that have one (most trajectories have none: a
 * client's only one, or the last; leaving them out keeps the import's table of links small).
 */
const linksOver = (rows: string, linkedOnly = false) => `
  SELECT e.id, e.domein, e.traject_id, e.respondent, min(a.begindatum) AS volgende_start
  FROM ${rows} e ${linkedOnly ? 'JOIN' : 'LEFT JOIN'} ${rows} a
    ON a.client_pseudonym = e.client_pseudonym AND a.domein = e.domein AND a.begindatum >= e.einddatum
   AND (a.aanbieder_id, a.traject_id) <> (e.aanbieder_id, e.traject_id)
  WHERE e.einddatum IS NOT NULL
  GROUP BY e.id, e.domein, e.traject_id, e.respondent`;

/**
 * Before the merge (import_staging filled): the rows the file replaces, the touched clients' other
 * trajectories (import_others) and the links of both after the merge (import_links; id NULL for the
 * incoming rows).
 */
export async function prepareLinks(client: pg.PoolClient, aanbiederId: string) {
  // The data generation's row lock first (the trigger on trajectory takes it anyway): two imports
  // then queue here rather than deadlock later over each other's clients.
  await client.query('UPDATE data_generation SET generation = generation + 1');
  // Temporary tables have no statistics until analysed: without them the planner guesses badly.
  await client.query('ANALYZE import_staging');
  // The records this file overwrites (same provider, domain, trajectnummer and respondent).
  await client.query(
    `CREATE TEMP TABLE import_replaced ON COMMIT DROP AS
       SELECT t.id, t.client_pseudonym FROM trajectory t
       JOIN import_staging s ON s.traject_id = t.traject_id AND s.domein = t.domein
       WHERE t.aanbieder_id = $1::uuid AND t.respondent IS NOT DISTINCT FROM s.respondent`,
    [aanbiederId],
  );
  // The touched clients: those in the file, and those a replaced record belonged to (a corrected pseudonym).
  await client.query(
    `CREATE TEMP TABLE import_others ON COMMIT DROP AS
       SELECT o.id, o.aanbieder_id, o.domein, o.traject_id, o.respondent, o.client_pseudonym, o.begindatum, o.einddatum, o.volgende_start
       FROM trajectory o
       WHERE o.client_pseudonym IN (SELECT client_pseudonym FROM import_staging UNION SELECT client_pseudonym FROM import_replaced)
         AND NOT EXISTS (SELECT 1 FROM import_replaced r WHERE r.id = o.id)`,
  );
  await client.query('ANALYZE import_others');
  await client.query(
    `CREATE TEMP TABLE import_links ON COMMIT DROP AS
       WITH touched AS MATERIALIZED (
         SELECT NULL::bigint AS id, $1::uuid AS aanbieder_id, domein, traject_id, respondent, client_pseudonym, begindatum, einddatum
         FROM import_staging
         UNION ALL
         SELECT id, aanbieder_id, domein, traject_id, respondent, client_pseudonym, begindatum, einddatum FROM import_others
       ) ${linksOver('touched', true)}`,
    [aanbiederId],
  );
}

/** The join the merge uses: staging row `s` → its link. */
export const INCOMING_LINK = `LEFT JOIN import_links n ON n.id IS NULL AND n.domein = s.domein AND n.traject_id = s.traject_id AND n.respondent IS NOT DISTINCT FROM s.respondent`;

/** After the merge: the touched clients' existing trajectories whose link changed (or is gone: no row in import_links). */
export async function relinkOthers(client: pg.PoolClient) {
  await client.query(
    `UPDATE trajectory t SET volgende_start = n.volgende_start
     FROM import_others o LEFT JOIN import_links n ON n.id = o.id
     WHERE t.id = o.id AND o.volgende_start IS DISTINCT FROM n.volgende_start`,
  );
  await client.query('DROP TABLE import_replaced, import_others, import_links');
}

/** Every client at once (a bulk load outside the import, such as the dashboard benchmark). */
export async function relinkAll(client: pg.PoolClient | pg.Client) {
  await client.query(
    `UPDATE trajectory t SET volgende_start = n.volgende_start
     FROM (${linksOver('trajectory')}) n
     WHERE t.id = n.id AND t.volgende_start IS DISTINCT FROM n.volgende_start`,
  );
}

/**
 * Deletes the trajectories `where` selects (SQL over `t`, in the caller's transaction, system scope)
 * and relinks the remaining trajectories of their clients, at every provider: a deleted start may
 * have been another trajectory's volgende_start. Returns the number of rows deleted.
 */
export async function deleteRelinking(client: pg.PoolClient, where: string, params: unknown[]): Promise<number> {
  await client.query('CREATE TEMP TABLE deleted_clients (client_pseudonym varchar(80)) ON COMMIT DROP');
  const { rows } = await client.query(
    `WITH d AS (DELETE FROM trajectory t WHERE ${where} RETURNING t.client_pseudonym),
          c AS (INSERT INTO deleted_clients SELECT DISTINCT client_pseudonym FROM d)
     SELECT count(*)::int AS n FROM d`,
    params,
  );
  await client.query(
    `WITH touched AS MATERIALIZED (
       SELECT id, aanbieder_id, domein, traject_id, respondent, client_pseudonym, begindatum, einddatum FROM trajectory
       WHERE client_pseudonym IN (SELECT client_pseudonym FROM deleted_clients))
     UPDATE trajectory t SET volgende_start = n.volgende_start
     FROM (${linksOver('touched')}) n
     WHERE t.id = n.id AND t.volgende_start IS DISTINCT FROM n.volgende_start`,
  );
  await client.query('DROP TABLE deleted_clients');
  return rows[0].n;
}
