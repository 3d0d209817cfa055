import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ValidRecord } from '@/lib/cbs/validate-record';
import { copyLine, currentLineKeys, STAGED_COLUMNS } from './copy-line';
import { chunkedWriter } from './copy-lines';
import { type ImportSteps, timed } from './import-steps';
import { INCOMING_LINK, prepareLinks, relinkOthers } from './link-clients';

// Bulk load: records stream into a temporary staging table with COPY, then one INSERT … ON CONFLICT
// merges them into trajectory. Runs inside the caller's transaction ('system' scope: only the
// import writes client data). Only the stage-2 pseudonym is stored; the provider's client number
// never reaches the database.

const COLUMNS = STAGED_COLUMNS;

const KEY: readonly string[] = ['domein', 'traject_id', 'respondent'];
const UPDATES = COLUMNS.filter((c) => !KEY.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);

export type RecordSink = {
  /** The COPY stream: readUpload pipes a file's lines into it. */
  stream: Writable;
  /** One record written here (tests and small loads; a file goes through `stream`). */
  write: (r: ValidRecord) => Promise<void> | void;
  /** Ends the COPY; must be called before the connection runs anything else. */
  finish: () => Promise<void>;
  /** Merges the staged records into trajectory (after finish). */
  merge: (aanbiederId: string, uploadId: string | null, steps?: ImportSteps) => Promise<number>;
};

/** Opens the staging table and its COPY stream on `client` (inside an open transaction). */
export async function openRecordSink(client: pg.PoolClient): Promise<RecordSink> {
  await client.query(
    `CREATE TEMP TABLE import_staging ON COMMIT DROP AS SELECT ${COLUMNS.join(', ')} FROM trajectory WITH NO DATA`,
  );
  const stream = client.query(copyFrom(`COPY import_staging (${COLUMNS.join(', ')}) FROM STDIN`));
  let failed: Error | null = null;
  stream.on('error', (err: Error) => (failed = err));
  const keys = currentLineKeys();
  const lines = chunkedWriter(stream);
  return {
    stream,
    write(r) {
      if (failed) throw failed;
      return lines.add(copyLine(r, keys));
    },
    async finish() {
      if (failed) throw failed;
      await lines.flush();
      stream.end();
      await finished(stream);
    },
    async merge(aanbiederId, uploadId, steps) {
      await timed(steps, 'koppeling voorbereiden', () => prepareLinks(client, aanbiederId));
      const res = await timed(steps, 'samenvoegen', () =>
        client.query(
          `INSERT INTO trajectory (aanbieder_id, upload_id, imported_at, ${COLUMNS.join(', ')}, volgende_start)
         SELECT $1::uuid, $2::uuid, now(), ${COLUMNS.map((c) => `s.${c}`).join(', ')}, n.volgende_start
         FROM import_staging s ${INCOMING_LINK}
         ON CONFLICT (aanbieder_id, domein, traject_id, respondent) DO UPDATE SET upload_id = EXCLUDED.upload_id,
           imported_at = EXCLUDED.imported_at, volgende_start = EXCLUDED.volgende_start, ${UPDATES.join(', ')}`,
          [aanbiederId, uploadId],
        ),
      );
      await timed(steps, 'koppeling bijwerken', () => relinkOthers(client));
      return res.rowCount ?? 0;
    },
  };
}
