import type pg from 'pg';
import { sameRecordKey } from './copy-line';

// "Na beëindiging geen nieuwe start" links a client's trajectories across all providers: every
// ended trajectory keeps volgende_start, the first start of another trajectory of the same client
// (stage-2 pseudonym) in the same domain on or after its end: Jeugd links Jeugd, Wmo links Wmo (a
// youth who later gets Wmo support did not "start again" in youth care). The import keeps it inside
// its transaction without rescanning trajectory: while it merges a file part by part it notes the
// clients whose trajectories the file writes or corrects (keepProviderRecords, mergeNotingClients,
// noteCorrectedClients); after the last part it recomputes the links of those clients only, over all
// their trajectories at every provider, and rewrites only the rows whose link changed
// (relinkClients). Deleting trajectories does the same.

/**
 * The link of every ended trajectory in `rows` (a table or CTE of the touched clients' trajectories);
 * with `linkedOnly`, only those that have one (most have none: a client's only trajectory, or the last).
 */
const linksOver = (rows: string, linkedOnly = false) => `
  SELECT e.id, e.domein, e.traject_id, e.respondent, min(a.begindatum) AS volgende_start
  FROM ${rows} e ${linkedOnly ? 'JOIN' : 'LEFT JOIN'} ${rows} a
    ON a.client_pseudonym = e.client_pseudonym AND a.domein = e.domein AND a.begindatum >= e.einddatum
   AND (a.aanbieder_id, a.traject_id) <> (e.aanbieder_id, e.traject_id)
  WHERE e.einddatum IS NOT NULL
  GROUP BY e.id, e.domein, e.traject_id, e.respondent`;

/**
 * Before the first part: the provider's records as they were before this file (key and client), the
 * only records the file can replace (the reader refuses a key twice in one file, so one part never
 * replaces another's).
 */
export async function keepProviderRecords(client: pg.PoolClient, aanbiederId: string) {
  // The data generation's row lock first (the trigger on trajectory takes it anyway): two imports
  // then queue here, before either reads the other's records, rather than deadlock later.
  await client.query('UPDATE data_generation SET generation = generation + 1');
  await client.query(
    `CREATE TEMP TABLE import_before ON COMMIT DROP AS
       SELECT domein, traject_id, respondent, client_pseudonym FROM trajectory WHERE aanbieder_id = $1::uuid`,
    [aanbiederId],
  );
  await client.query('CREATE INDEX ON import_before (traject_id)');
  await client.query('ANALYZE import_before');
  await client.query('CREATE TEMP TABLE import_clients (client_pseudonym varchar(80)) ON COMMIT DROP');
}

/**
 * Before a part's merge (import_staging filled): the clients of the records it replaces whose
 * pseudonym it corrects (their other trajectories may lose a link).
 */
export async function noteCorrectedClients(client: pg.PoolClient) {
  await client.query(
    `INSERT INTO import_clients
       SELECT b.client_pseudonym FROM import_staging s
       JOIN import_before b ON ${sameRecordKey('b', 's')}
       WHERE b.client_pseudonym <> s.client_pseudonym`,
  );
}

/**
 * Runs `merge` (an INSERT into trajectory, without RETURNING) and notes the clients of the rows it
 * wrote in import_clients: only a new or changed trajectory can change a link. Returns the rows written.
 */
export async function mergeNotingClients(client: pg.PoolClient, merge: string, params: unknown[]): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `WITH written AS (${merge} RETURNING client_pseudonym),
          noted AS (INSERT INTO import_clients SELECT DISTINCT client_pseudonym FROM written)
     SELECT count(*)::int AS n FROM written`,
    params,
  );
  return rows[0].n;
}

/**
 * Recomputes the links of every trajectory of the clients in `clientsTable` (a temporary table with a
 * column client_pseudonym) and rewrites those that changed; drops the table.
 */
export async function relinkClients(client: pg.PoolClient, clientsTable: 'import_clients' | 'deleted_clients') {
  // Their trajectories in a table of their own, analysed: the planner must know whether they are a
  // few or a million (freshly written rows of trajectory have no statistics yet, and a guess of a few
  // made it join a million rows to themselves row by row).
  await client.query(`ANALYZE ${clientsTable}`);
  await client.query(
    `CREATE TEMP TABLE relink_touched ON COMMIT DROP AS
       SELECT id, aanbieder_id, domein, traject_id, respondent, client_pseudonym, begindatum, einddatum, volgende_start
       FROM trajectory WHERE client_pseudonym IN (SELECT client_pseudonym FROM ${clientsTable})`,
  );
  await client.query('ANALYZE relink_touched');
  // Only the linked pairs are computed (a join, not a left join: most trajectories have no link); a
  // row with a link that has none now is found by its stored link.
  await client.query(
    `WITH linked AS MATERIALIZED (${linksOver('relink_touched', true)})
     UPDATE trajectory t SET volgende_start = n.volgende_start
     FROM (SELECT id, volgende_start FROM linked
           UNION ALL
           SELECT x.id, NULL FROM relink_touched x
           WHERE x.volgende_start IS NOT NULL AND NOT EXISTS (SELECT 1 FROM linked l WHERE l.id = x.id)) n
     WHERE t.id = n.id AND t.volgende_start IS DISTINCT FROM n.volgende_start`,
  );
  await client.query(`DROP TABLE relink_touched, ${clientsTable}`);
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
  await relinkClients(client, 'deleted_clients');
  return rows[0].n;
}
