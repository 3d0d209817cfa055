import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ValidRecord } from '@/lib/cbs/validate-record';
import { env } from '@/lib/env';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';
import { recordKeys } from '@/lib/pseudonym/record-keys';
import { INCOMING_LINK, prepareLinks, relinkOthers } from './link-clients';

// Bulk load: records stream into a temporary staging table with COPY, then one INSERT … ON CONFLICT
// merges them into trajectory. Runs inside the caller's transaction ('system' scope: only the
// import writes client data). Only the stage-2 pseudonym is stored; the provider's client number
// never reaches the database.

const COLUMNS = [
  'traject_id',
  'respondent',
  'client_pseudonym',
  'geboortejaar',
  'geslacht',
  'gemeentecode',
  'begindatum',
  'einddatum',
  'reden_einde',
  'verwijzer',
  'hulpvorm',
  'productcategorie',
  'profiel',
  'zorgvraagzwaarte',
  'complexiteit',
  'perspectief',
  'crisis',
  'tevredenheid',
  'zonder_hulp_verder',
  'afname_problematiek',
  'doelrealisatie',
  'meetdatum',
  'client_key',
  'traject_key',
  'row_key',
  'record_key_version',
] as const;

const UPDATES = COLUMNS.filter((c) => c !== 'traject_id' && c !== 'respondent').map((c) => `${c} = EXCLUDED.${c}`);

const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

type Field = string | number | bigint | boolean | null;

function values(r: ValidRecord, secret: Buffer, keyVersion: number): Field[] {
  const pseudonym = pseudonymise(r.pseudoId);
  const keys = recordKeys({ pseudonym, agbCode: r.agbCode, trajectId: r.trajectId, respondent: r.respondent }, secret);
  return [
    r.trajectId,
    r.respondent,
    pseudonym,
    r.geboortejaar,
    r.geslacht,
    r.gemeentecode,
    date(r.begindatum),
    date(r.einddatum),
    r.redenEinde,
    r.verwijzer,
    r.hulpvorm,
    r.productcategorie,
    r.profiel,
    r.zorgvraagzwaarte,
    r.complexiteit,
    r.perspectief,
    r.crisis,
    r.tevredenheid,
    r.zonderHulpVerder,
    r.afnameProblematiek,
    r.doelrealisatie,
    date(r.meetdatum),
    keys.clientKey,
    keys.trajectKey,
    keys.rowKey,
    keyVersion,
  ];
}

/** COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
const field = (v: Field) =>
  v === null
    ? '\\N'
    : typeof v === 'boolean'
      ? v
        ? 't'
        : 'f'
      : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

export type RecordSink = {
  write: (r: ValidRecord) => Promise<void> | void;
  /** Ends the COPY; must be called before the connection runs anything else. */
  finish: () => Promise<void>;
  /** Merges the staged records into trajectory (after finish). */
  merge: (aanbiederId: string, uploadId: string | null) => Promise<number>;
};

/** Opens the staging table and its COPY stream on `client` (inside an open transaction). */
export async function openRecordSink(client: pg.PoolClient): Promise<RecordSink> {
  await client.query(
    `CREATE TEMP TABLE import_staging ON COMMIT DROP AS SELECT ${COLUMNS.join(', ')} FROM trajectory WITH NO DATA`,
  );
  const stream = client.query(copyFrom(`COPY import_staging (${COLUMNS.join(', ')}) FROM STDIN`));
  let failed: Error | null = null;
  stream.on('error', (err: Error) => (failed = err));
  let chunk = '';
  const secret = Buffer.from(env().CELL_KEY_SECRET, 'base64');
  const keyVersion = env().CELL_KEY_VERSION;
  const flush = async () => {
    if (failed) throw failed;
    if (!chunk) return;
    const ok = stream.write(chunk);
    chunk = '';
    if (!ok) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
  };
  return {
    write(r) {
      chunk += `${values(r, secret, keyVersion).map(field).join('\t')}\n`;
      if (chunk.length > 256 * 1024) return flush();
    },
    async finish() {
      await flush();
      stream.end();
      await finished(stream);
    },
    async merge(aanbiederId, uploadId) {
      await prepareLinks(client, aanbiederId);
      const res = await client.query(
        `INSERT INTO trajectory (aanbieder_id, upload_id, imported_at, ${COLUMNS.join(', ')}, volgende_start)
         SELECT $1::uuid, $2::uuid, now(), ${COLUMNS.map((c) => `s.${c}`).join(', ')}, n.volgende_start
         FROM import_staging s ${INCOMING_LINK}
         ON CONFLICT (aanbieder_id, traject_id, respondent) DO UPDATE SET upload_id = EXCLUDED.upload_id,
           imported_at = EXCLUDED.imported_at, volgende_start = EXCLUDED.volgende_start, ${UPDATES.join(', ')}`,
        [aanbiederId, uploadId],
      );
      await relinkOthers(client, aanbiederId);
      return res.rowCount ?? 0;
    },
  };
}
