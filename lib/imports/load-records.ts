import { once } from 'node:events';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ValidRecord } from '@/lib/cbs/validate-record';
import { copyLine, currentLineKeys, RECORD_KEY, STAGED_COLUMNS } from './copy-line';
import { chunkedWriter } from './copy-lines';
import { type ImportSteps, timed } from './import-steps';
import { keepProviderRecords, mergeNotingClients, noteCorrectedClients, relinkClients } from './link-clients';

// Bulk load: records stream into a temporary staging table with COPY, and INSERT … ON CONFLICT merges
// them into trajectory, part by part, all inside the caller's transaction ('system' scope: only the
// import writes client data). Only the stage-2 pseudonym is stored; the provider's client number
// never reaches the database.
//
// Why in parts: reading and validating (the reader's worker threads) and merging (PostgreSQL) each
// took about half of a large import, one after the other, each leaving a core idle. Now, once ~16 MB
// of COPY text is staged, that part is merged while the reader goes on with the next one, which waits
// in memory meanwhile (at most AHEAD_BYTES: beyond that, backpressure). The cross-provider links wait
// for the last part: a client's trajectories may be in any part (link-clients.ts). A file refused
// whole after a part was merged is undone to the savepoint taken before the first part (`discard`),
// and a crash or kill at any moment still rolls back the one transaction.

const COLUMNS = STAGED_COLUMNS;

const KEY: readonly string[] = RECORD_KEY;
/** The columns a delivery may change in a record it sends again. */
const UPDATES = COLUMNS.filter((c) => !KEY.includes(c));
/**
 * The merge of import_staging into trajectory ($1 provider, $2 upload). A record sent again unchanged
 * is left as it is (the WHERE): see mergeStaged.
 */
const MERGE = `INSERT INTO trajectory (aanbieder_id, upload_id, imported_at, ${COLUMNS.join(', ')})
  SELECT $1::uuid, $2::uuid, now(), ${COLUMNS.join(', ')} FROM import_staging
  ON CONFLICT (aanbieder_id, ${KEY.join(', ')}) DO UPDATE SET upload_id = EXCLUDED.upload_id,
    imported_at = EXCLUDED.imported_at, ${UPDATES.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
    volgende_start = CASE WHEN EXCLUDED.einddatum IS NULL THEN NULL ELSE trajectory.volgende_start END
  WHERE (${UPDATES.map((c) => `trajectory.${c}`).join(', ')}) IS DISTINCT FROM (${UPDATES.map((c) => `EXCLUDED.${c}`).join(', ')})`;

/** A part is merged once this much COPY text is staged (~55,000 records; a smaller file is one part). */
const PART_BYTES = 16 * 1024 * 1024;
/** COPY text taken in while a part is merged: about one part, so the reader need not wait for the merge. */
const AHEAD_BYTES = 16 * 1024 * 1024;

export type RecordSink = {
  /** COPY text in (readUpload pipes a file's lines into it); merged in parts as it comes. */
  stream: Writable;
  /** One record written here (tests and small loads; a file goes through `stream`). */
  write: (r: ValidRecord) => Promise<void> | void;
  /** Ends the input and merges what is still staged; returns the number of records written (new or changed). */
  finish: () => Promise<number>;
  /** Ends the input and undoes every part merged so far (a file refused whole). */
  discard: () => Promise<void>;
};

export type SinkTarget = {
  aanbiederId: string;
  uploadId: string | null;
  steps?: ImportSteps;
  /** The size of a part (tests make it small, so that a few records make several parts). */
  partBytes?: number;
};

/** Opens the staging table and its COPY stream on `client` (inside an open transaction). */
export async function openRecordSink(client: pg.PoolClient, target: SinkTarget): Promise<RecordSink> {
  await client.query('SAVEPOINT import_records');
  await timed(target.steps, 'koppeling voorbereiden', () => keepProviderRecords(client, target.aanbiederId));
  await client.query(
    `CREATE TEMP TABLE import_staging ON COMMIT DROP AS SELECT ${COLUMNS.join(', ')} FROM trajectory WITH NO DATA`,
  );
  let merged = 0;
  const mergePart = async () => {
    merged += await mergeStaged(client, target);
    await client.query('TRUNCATE import_staging');
  };
  const copy = partedCopy(
    () => client.query(copyFrom(`COPY import_staging (${COLUMNS.join(', ')}) FROM STDIN`)),
    mergePart,
    target.partBytes,
  );
  const keys = currentLineKeys();
  const lines = chunkedWriter(copy.stream);
  const end = async () => {
    await lines.flush();
    copy.stream.end();
    await finished(copy.stream);
  };
  return {
    stream: copy.stream,
    write(r) {
      copy.throwIfFailed();
      return lines.add(copyLine(r, keys));
    },
    async finish() {
      await end();
      await mergePart();
      await timed(target.steps, 'koppeling bijwerken', () => relinkClients(client, 'import_clients'));
      return merged;
    },
    async discard() {
      await end();
      await client.query('ROLLBACK TO SAVEPOINT import_records');
    },
  };
}

/**
 * Merges what import_staging holds into trajectory; returns the number of records it wrote (new or
 * changed). A record the provider sends again unchanged is not rewritten: a monthly file usually
 * repeats the year so far, and rewriting a row costs a new row version in the heap and in every index
 * (and would make its client's links be recomputed for nothing). Its upload_id and imported_at then
 * stay those of the delivery that last changed it. A new record has no link yet and a replaced one
 * keeps its link while it is ended: relinkClients sets them after the last part, when every
 * trajectory of the file is in; the clients of the written records are noted for it.
 */
async function mergeStaged(client: pg.PoolClient, { aanbiederId, uploadId, steps }: SinkTarget): Promise<number> {
  await timed(steps, 'koppeling voorbereiden', () => noteCorrectedClients(client));
  return timed(steps, 'samenvoegen', () => mergeNotingClients(client, MERGE, [aanbiederId, uploadId]));
}

/**
 * A writable for COPY text that goes into a COPY opened by `open`; at the first line end after each
 * `partBytes` it ends that COPY, runs `between` (the part's merge) and opens the next. Text written meanwhile
 * is accepted at once up to AHEAD_BYTES waiting, so the writer goes on; its callback waits beyond that.
 * The first failure (a COPY or a merge) fails every later write and the end.
 */
export function partedCopy(open: () => Writable, between: () => Promise<void>, partBytes = PART_BYTES) {
  let failed: Error | null = null;
  const opened = () => {
    const s = open();
    // Seen by the next write or the end; without a listener a COPY's error would end the process.
    s.on('error', (err: Error) => (failed ??= err));
    return s;
  };
  let copy = opened();
  let inPart = 0;
  /** Bytes accepted and not yet in a COPY. */
  let waiting = 0;
  /** The work in order: each chunk after the one before. Never rejects (a failure goes to `failed`). */
  let queue: Promise<void> = Promise.resolve();
  const send = async (bytes: Buffer) => {
    if (bytes.length && !copy.write(bytes)) await once(copy, 'drain');
  };
  const put = async (chunk: Buffer) => {
    if (failed) throw failed;
    // A part ends at the first line end at or after partBytes.
    for (;;) {
      const from = Math.max(0, partBytes - inPart - 1);
      const end = from < chunk.length ? chunk.indexOf(10, from) : -1;
      if (end < 0) break;
      await send(chunk.subarray(0, end + 1));
      copy.end();
      await finished(copy);
      await between();
      copy = opened();
      inPart = 0;
      chunk = chunk.subarray(end + 1);
    }
    inPart += chunk.length;
    await send(chunk);
  };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (failed) return callback(failed);
      waiting += chunk.length;
      queue = queue
        .then(() => put(chunk))
        .catch((err: Error) => {
          failed ??= err;
        })
        .finally(() => {
          waiting -= chunk.length;
        });
      if (waiting <= AHEAD_BYTES) callback();
      else void queue.then(() => callback(failed ?? undefined));
    },
    final(callback) {
      void queue
        .then(async () => {
          if (failed) throw failed;
          copy.end();
          await finished(copy);
        })
        .then(() => callback(), callback);
    },
  });
  // Kept after the writer stops listening (readUpload does when the reader is done, while parts may
  // still be merging): the failure then comes out of `end`, not as an unhandled error event.
  stream.on('error', (err: Error) => {
    failed ??= err;
  });
  return {
    stream,
    throwIfFailed() {
      if (failed) throw failed;
    },
  };
}
