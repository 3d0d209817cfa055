import { withScopedClient } from '@/lib/access/with-scope';
import { env } from '@/lib/env';
import { recordKeys } from '@/lib/pseudonym/record-keys';

const BATCH = 20_000;

/**
 * Gives every trajectory record the record keys of the current CELL_KEY_VERSION: rows stored before
 * record keys existed, and all rows after the version was raised. The import writes current keys
 * itself, so on a settled database this finds nothing. Each batch is its own transaction: a crash
 * leaves some rows re-keyed and the rest for the next run, never a half-written row.
 */
export async function refreshRecordKeys(): Promise<number> {
  const version = env().CELL_KEY_VERSION;
  const secret = Buffer.from(env().CELL_KEY_SECRET, 'base64');
  let total = 0;
  for (;;) {
    const done = await withScopedClient('system', async (client) => {
      const { rows } = await client.query<{
        id: string;
        pseudonym: string;
        agb: string;
        traject: string;
        respondent: string | null;
      }>(
        `SELECT t.id::text, t.client_pseudonym AS pseudonym, o.agb_code AS agb, t.traject_id AS traject, t.respondent
         FROM trajectory t JOIN organisation o ON o.id = t.aanbieder_id
         WHERE t.record_key_version < $1 OR t.record_key_version > $1
         LIMIT ${BATCH}`,
        [version],
      );
      if (!rows.length) return 0;
      const keys = rows.map((r) =>
        recordKeys({ pseudonym: r.pseudonym, agbCode: r.agb, trajectId: r.traject, respondent: r.respondent }, secret),
      );
      await client.query(
        `UPDATE trajectory t SET client_key = k.c, traject_key = k.t, row_key = k.r, record_key_version = $5
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[]) AS k(id, c, t, r)
         WHERE t.id = k.id`,
        [
          rows.map((r) => r.id),
          keys.map((k) => String(k.clientKey)),
          keys.map((k) => String(k.trajectKey)),
          keys.map((k) => String(k.rowKey)),
          version,
        ],
      );
      return rows.length;
    });
    total += done;
    if (done < BATCH) return total;
  }
}
