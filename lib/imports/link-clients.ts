import type pg from 'pg';

// "Na beëindiging geen nieuwe start" links a client's trajectories across all providers: every
// ended trajectory keeps volgende_start, the first start of another trajectory of the same client
// (stage-2 pseudonym) on or after its end. The import keeps it in two steps, inside its transaction:
// the incoming rows get theirs in the same INSERT that stores them (a hash join, no second write),
// and the client's other, existing trajectories are updated afterwards where the link changed.

/** Before the merge: the touched clients, and the link of every incoming row (table import_next). */
export async function prepareLinks(client: pg.PoolClient, aanbiederId: string) {
  // Touched: the clients in the file, and those a replaced record belonged to (a corrected pseudonym).
  await client.query(
    `CREATE TEMP TABLE import_clients ON COMMIT DROP AS
       SELECT client_pseudonym FROM import_staging
       UNION SELECT t.client_pseudonym FROM trajectory t JOIN import_staging s ON s.traject_id = t.traject_id
       WHERE t.aanbieder_id = $1::uuid`,
    [aanbiederId],
  );
  await client.query(
    `CREATE TEMP TABLE import_next ON COMMIT DROP AS
       SELECT s.traject_id, s.respondent, min(a.begindatum) AS volgende_start
       FROM import_staging s
       JOIN (
         SELECT client_pseudonym, traject_id, begindatum, true AS staged FROM import_staging
         UNION ALL
         SELECT o.client_pseudonym, o.traject_id, o.begindatum, false FROM trajectory o
         WHERE o.client_pseudonym IN (SELECT client_pseudonym FROM import_clients)
           AND NOT (o.aanbieder_id = $1::uuid AND o.traject_id IN (SELECT traject_id FROM import_staging))
       ) a ON a.client_pseudonym = s.client_pseudonym AND a.begindatum >= s.einddatum
          AND NOT (a.staged AND a.traject_id = s.traject_id)
       GROUP BY s.traject_id, s.respondent`,
    [aanbiederId],
  );
}

/** The join the merge uses: staging row `s` → its link. */
export const INCOMING_LINK = `LEFT JOIN import_next n ON n.traject_id = s.traject_id AND n.respondent IS NOT DISTINCT FROM s.respondent`;

/** After the merge: the touched clients' other trajectories (not in this file) whose link changed. */
export async function relinkOthers(client: pg.PoolClient, aanbiederId: string | null) {
  await client.query(
    `UPDATE trajectory t SET volgende_start = n.volgende_start
     FROM (
       SELECT e.id, (SELECT min(o.begindatum) FROM trajectory o
                     WHERE o.client_pseudonym = e.client_pseudonym AND o.begindatum >= e.einddatum
                       AND (o.aanbieder_id, o.traject_id) <> (e.aanbieder_id, e.traject_id)) AS volgende_start
       FROM trajectory e
       WHERE e.client_pseudonym IN (SELECT client_pseudonym FROM import_clients) AND e.einddatum IS NOT NULL
         AND NOT (e.aanbieder_id IS NOT DISTINCT FROM $1::uuid AND e.traject_id IN (SELECT traject_id FROM import_staging))
     ) n
     WHERE t.id = n.id AND t.volgende_start IS DISTINCT FROM n.volgende_start`,
    [aanbiederId],
  );
  await client.query('DROP TABLE import_clients, import_next');
}

/** Every client at once (a bulk load outside the import, such as the dashboard benchmark). */
export async function relinkAll(client: pg.PoolClient | pg.Client) {
  await client.query(`CREATE TEMP TABLE import_staging (traject_id varchar(20))`);
  await client.query(`CREATE TEMP TABLE import_next (x int)`);
  await client.query(`CREATE TEMP TABLE import_clients AS SELECT DISTINCT client_pseudonym FROM trajectory`);
  await relinkOthers(client as pg.PoolClient, null);
  await client.query('DROP TABLE import_staging');
}
